package dev.lookout.cli;

import dev.lookout.config.Config;
import dev.lookout.demo.LocalCluster;
import dev.lookout.demo.RestateDistribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Installs the pinned Restate release (once), starts a real 3-node cluster on loopback whose
 * first node listens on the default target address (127.0.0.1:5122), then runs the agent on it.
 */
@Command(name = "demo", description = "Start a local 3-node Restate cluster and watch it.")
public final class DemoCommand implements Callable<Integer> {
  /** Node n's ports start at BASE_PORT + 10 * (n - 1); node 1's node-to-node port is 5122. */
  static final int BASE_PORT = 5120;

  @Mixin
  ConfigOption config = new ConfigOption();

  @Option(names = "--dir", defaultValue = ".lookout/demo",
      description = "Where the cluster keeps its data and logs; wiped on start (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--nodes", defaultValue = "3", description = "Cluster size (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Override
  public Integer call() throws Exception {
    Config loaded = config.load();
    if (loaded == null) {
      return ConfigOption.BAD_CONFIG;
    }
    wipe(dir);
    System.out.println("lookout demo: installing Restate " + RestateDistribution.VERSION + " if needed");
    RestateDistribution restate = RestateDistribution.ensureInstalled();
    LocalCluster cluster = LocalCluster.start(restate, dir.toAbsolutePath(), nodes, BASE_PORT);
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "lookout-demo-cluster"));
    cluster.awaitReady(Duration.ofSeconds(60));
    System.out.println("lookout demo: cluster ready at " + cluster.addresses()
        + "; try: " + restate.restatectlBinary() + " --address " + cluster.address(1) + " status");
    return RunCommand.runUntilStopped(loaded);
  }

  private static void wipe(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
