package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lookout.Main;
import dev.lookout.source.nats.NatsTestCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `lookout run --once`: one complete tick, its findings printed, the exit code saying healthy or not. */
class RunOnceTest {
  private static final int NATS_BASE = 24922;

  @TempDir
  Path dir;

  private record Run(int exit, String out) {}

  private static Run execute(String... args) {
    StringWriter out = new StringWriter();
    int exit = new CommandLine(new Main()).setOut(new PrintWriter(out, true)).execute(args);
    return new Run(exit, out.toString());
  }

  private Path config(String targets, String rules) throws IOException {
    Path config = dir.resolve("lookout.yaml");
    Files.writeString(config, String.join("\n", "cluster: once", "listen: 127.0.0.1:0",
        "scrape: {interval: 10s, timeout: 5s}", "state_dir: data", "targets: " + targets,
        "rule_files: [" + rules + "]", ""));
    return config;
  }

  @Test
  void anUnreachableClusterFailsItsChecksAndStartsTheTargetDownAlert() throws IOException {
    Path config = config("[{name: restate, type: restate, addresses: [\"http://127.0.0.1:9\"]}]",
        Path.of("rules/restate.yaml").toAbsolutePath().toString());
    Run run = execute("run", "--once", "--config", config.toString());
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("check failed: restate:cluster-state:"), run.out());
    assertTrue(run.out().contains("alert PENDING: LookoutTargetDown"), run.out());
  }

  @Test
  void ruleFilesThatDoNotLoadAreAConfigurationError() throws IOException {
    Path rules = dir.resolve("broken.yaml");
    Files.writeString(rules, "groups: [{name: g, rules: [{alert: A, each: node, expr: 'node.'}]}]\n");
    Path config = config("[{name: restate, type: restate, addresses: [\"http://127.0.0.1:9\"]}]",
        rules.toString());
    assertEquals(ConfigOption.BAD_CONFIG, execute("run", "--once", "--config", config.toString()).exit());
  }

  @Test
  @Tag("e2e")
  void aHealthyNatsClusterPassesEveryCheck() throws Exception {
    assumeTrue(NatsTestCluster.installed(), "nats-server not installed (apt-get install nats-server)");
    try (NatsTestCluster cluster = NatsTestCluster.start(dir, NATS_BASE)) {
      cluster.createStream("ONCE", 3); // returns once JetStream has elected its meta leader
      String servers = cluster.monitorUrls().values().stream().map(URI::toString)
          .map(u -> "\"" + u + "\"").collect(Collectors.joining(", "));
      Path config = config("[{name: nats, type: nats, servers: [" + servers + "]}]",
          Path.of("rules/nats.yaml").toAbsolutePath().toString());
      Run run = execute("run", "--once", "--config", config.toString());
      assertEquals(0, run.exit(), run.out());
      assertTrue(run.out().matches("(?s).*\\d+ checks, 0 alerts, \\d+ series on /metrics\n"), run.out());
    }
  }
}
