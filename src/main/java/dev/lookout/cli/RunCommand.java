package dev.lookout.cli;

import dev.lookout.app.Agent;
import dev.lookout.app.OnceReport;
import dev.lookout.config.Config;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the agent until the process is told to stop. */
@Command(name = "run", description = "Run the agent (the default command).")
public final class RunCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config = new ConfigOption();

  @Spec
  CommandSpec spec;

  @Option(names = "--once", description = "Complete one tick of every target (reads, rules, alert"
      + " delivery), print failed checks and alerts, stop; exit 0 when every check passes, else 1.")
  boolean once;

  @Override
  public Integer call() {
    Config loaded = config.load();
    if (loaded == null) {
      return ConfigOption.BAD_CONFIG;
    }
    return once ? runOnce(loaded, spec.commandLine().getOut()) : runUntilStopped(loaded);
  }

  private static int runOnce(Config config, PrintWriter out) {
    try (Agent agent = new Agent(config, InstantSource.system())) {
      agent.start();
      Duration limit = config.scrape().timeout().multipliedBy(2).plusSeconds(10);
      if (!agent.awaitFirstEvaluation(limit)) {
        System.err.println("lookout: no complete tick within " + limit.toSeconds() + " s");
        return 1;
      }
      OnceReport report = agent.report();
      out.print(report.text());
      out.flush();
      return report.healthy() ? 0 : 1;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return ConfigOption.BAD_CONFIG;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /** Runs until SIGTERM/SIGINT; SIGHUP reloads the rules. Returns the exit code. */
  static int runUntilStopped(Config config) {
    Agent agent = new Agent(config, InstantSource.system());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      agent.close();
      stopped.countDown();
    }, "lookout-shutdown"));
    int port;
    try {
      port = agent.start();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      agent.close();
      return ConfigOption.BAD_CONFIG;
    }
    Signals.onHangup(() -> agent.reload());
    System.out.printf("lookout: watching cluster %s; %s://%s:%d/ (metrics at /metrics)%n",
        config.cluster(), config.web().tls().isPresent() ? "https" : "http",
        config.listen().host(), port);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
