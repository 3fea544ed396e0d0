package dev.lookout.app;

import static dev.lookout.app.AgentE2ETest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lookout.alerts.AlertStore;
import dev.lookout.config.Alerting;
import dev.lookout.config.Config;
import dev.lookout.config.Listen;
import dev.lookout.config.NatsTarget;
import dev.lookout.config.RestateTarget;
import dev.lookout.config.Scrape;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.source.restate.FaultyRestate;
import dev.lookout.source.restate.RestateSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory on a 64 KiB tmpfs that the test fills: the agent warns once, counts the
 * failed saves, keeps alerting from memory, and saves again once there is room.
 */
class StateDiskFullTest {
  private static final Duration INTERVAL = Duration.ofMillis(200);
  private static final Logger PIPELINE_LOG = Logger.getLogger(AlertPipeline.class.getName());

  @TempDir
  Path dir;
  private Path state;
  private boolean mounted;
  private final FaultyRestate cluster = new FaultyRestate();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logged.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Agent agent;

  @AfterEach
  void stop() throws Exception {
    PIPELINE_LOG.removeHandler(capture);
    if (agent != null) {
      agent.close();
    }
    cluster.close();
    if (mounted) {
      run("umount", state.toString());
    }
  }

  @Test
  void fullDiskWarnsOnceCountsFailuresKeepsAlertingAndSavesAgainWhenThereIsRoom() throws Exception {
    state = Files.createDirectory(dir.resolve("state"));
    String mount = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", state.toString());
    assumeTrue(mount.isEmpty(), "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): " + mount);
    mounted = true;
    PIPELINE_LOG.addHandler(capture);
    cluster.hang(2);
    int port = startAgent();
    Path file = state.resolve("alerts.json");
    awaitTrue("RestateNodeHung saved", Duration.ofSeconds(20), () -> contains(file, "RestateNodeHung"));

    fill(state.resolve("filler"));
    List.of(1, 2, 3).forEach(cluster::down); // a new alert while nothing can be saved
    awaitTrue("LookoutTargetDown firing from memory", Duration.ofSeconds(20),
        () -> body(port, "/api/v1/alerts").contains("\"LookoutTargetDown\"") && failures(port) >= 10);
    assertFalse(contains(file, "LookoutTargetDown"), "saved although the disk is full");
    assertTrue(contains(file, "RestateNodeHung"), "the last good state file is kept");
    List<String> warnings = warnings();
    assertEquals(1, warnings.size(), () -> "one warning for " + failures(port) + " failed saves: " + warnings);
    assertTrue(warnings.get(0).contains(file.toString()) && warnings.get(0).contains("No space left on device"),
        warnings.get(0));

    Files.delete(state.resolve("filler"));
    awaitTrue("state saved again", Duration.ofSeconds(10), () -> contains(file, "LookoutTargetDown"));
    assertTrue(logged.stream().anyMatch(r -> r.getMessage().startsWith("alert state saved again")),
        "recovery is logged");
    System.out.printf("disk full: %.0f failed saves, %d warning%n", failures(port), warnings.size());
  }

  private int startAgent() throws IOException {
    Config config = new Config("disk", new Listen("127.0.0.1", 0), new Scrape(INTERVAL, INTERVAL.dividedBy(2)),
        state, "https://runbooks.test", List.of(new RestateTarget("restate", List.of(URI.create("http://fake:1")))),
        ShortenedRules.copy(dir, "1s"), Alerting.DEFAULT);
    agent = new Agent(config, InstantSource.system(), new Runners.Readers() {
      @Override
      public TargetRunner.Source<RestateSnapshot> restate(RestateTarget t, Duration timeout, Executor io) {
        RestateSource s = cluster.source(t.name(), timeout);
        return Runners.adapt(s::scrape, s);
      }

      @Override
      public TargetRunner.Source<NatsSnapshot> nats(NatsTarget t, Duration timeout, Executor io) {
        throw new UnsupportedOperationException("no NATS target here");
      }
    });
    return agent.start();
  }

  /** Writes zeros until the file system says it is full. */
  private static void fill(Path filler) {
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[4096];
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
    }
  }

  private List<String> warnings() {
    return logged.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
  }

  /** Whether the state file holds an alert of that name (every rule has an entry, maybe empty). */
  private boolean contains(Path file, String alertname) {
    try {
      return new AlertStore(state).load().values().stream().flatMap(List::stream)
          .anyMatch(a -> a.alertname().equals(alertname));
    } catch (IOException e) {
      return false;
    }
  }

  private static String body(int port, String path) {
    try {
      return MetricsText.get(port, path).body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static double failures(int port) {
    String page = body(port, "/metrics");
    for (String line : page.split("\n")) {
      if (line.startsWith("lookout_state_write_failures_total")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no lookout_state_write_failures_total in /metrics");
  }

  /** Runs a command; "" when it succeeded, else its output. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    return p.waitFor() == 0 ? "" : "exit " + p.exitValue() + ": " + output.strip();
  }
}
