package dev.lookout.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starts real restate-server processes; needs npm (first run) and linux-x64. */
@Tag("e2e")
class LocalClusterE2ETest {

  // Clear of the ports of the cluster that already runs on this machine (5122-5160, 8070-9080).
  private static final int BASE_PORT = 16100;

  @TempDir
  Path workDir;

  @Test
  @Timeout(120)
  void startsThreeNodesSeesAKilledNodeDeadAndLeavesNoProcessBehind() throws Exception {
    RestateDistribution dist = RestateDistribution.ensureInstalled();
    try (LocalCluster cluster = LocalCluster.start(dist, workDir, 3, BASE_PORT)) {
      long started = System.nanoTime();
      cluster.awaitReady(Duration.ofSeconds(45));
      System.out.printf("3-node cluster ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);

      assertEquals(List.of("alive", "alive", "alive"), states(cluster.sql("select * from nodes")));
      for (int node = 1; node <= 3; node++) {
        assertTrue(Files.exists(cluster.socket(node)), "no socket " + cluster.socket(node));
      }

      cluster.kill(2);
      assertTrue(isDeadWithin(cluster, "node-2", Duration.ofSeconds(10)),
          "node-2 not dead after 10 s: " + cluster.sql("select name, state from nodes"));

      restartsAndPausesNodes(cluster);
      assertEquals(3, serversUsing(workDir).size(), "the process check below would be vacuous");
    }
    assertEquals(List.of(), serversUsing(workDir));
  }

  private static void restartsAndPausesNodes(LocalCluster cluster) throws Exception {
    long killedPid = cluster.pid(2);
    cluster.restart(2);
    cluster.awaitReady(Duration.ofSeconds(30));
    assertTrue(cluster.pid(2) != killedPid, "restart kept the old pid");

    cluster.pause(3);
    assertTrue(cluster.isRunning(3));
    assertTrue(isDeadWithin(cluster, "node-3", Duration.ofSeconds(10)),
        "paused node-3 still alive: " + cluster.sql("select name, state from nodes"));
    cluster.resume(3);
    cluster.awaitReady(Duration.ofSeconds(30));
  }

  private static List<String> states(List<JsonNode> rows) {
    return rows.stream().map(row -> row.path("state").asText()).collect(Collectors.toList());
  }

  private static boolean isDeadWithin(LocalCluster cluster, String name, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() - deadline < 0) {
      for (JsonNode row : cluster.sql("select name, state from nodes")) {
        if (name.equals(row.path("name").asText()) && "dead".equals(row.path("state").asText())) {
          return true;
        }
      }
      Thread.sleep(250);
    }
    return false;
  }

  /** restate-server processes whose command line points at a config in {@code dir}. */
  private static List<Long> serversUsing(Path dir) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine()
            .map(line -> line.contains("restate-server") && line.contains(dir.toString()))
            .orElse(false))
        .map(ProcessHandle::pid)
        .collect(Collectors.toList());
  }
}
