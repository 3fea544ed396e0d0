package dev.lookout.cli;

import dev.lookout.app.Agent;
import dev.lookout.config.Config;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the agent until the process is told to stop. */
@Command(name = "run", description = "Run the agent (the default command).")
public final class RunCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config = new ConfigOption();

  @Override
  public Integer call() {
    Config loaded = config.load();
    if (loaded == null) {
      return ConfigOption.BAD_CONFIG;
    }
    return runUntilStopped(loaded);
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
