package dev.lookout.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.demo.LocalCluster;
import dev.lookout.demo.RestateDistribution;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.source.restate.RestateSource;
import dev.lookout.source.restate.ServerCalls;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookout's full tick against `restatectl` doing the same reads, on one real 3-node cluster in
 * one run: over TCP, over the nodes' Unix sockets, and with one node hung (SIGSTOP). Prints a
 * table and writes it to target/bench/side-by-side.md. Run: see README ("Benchmarks").
 */
@Tag("bench")
class SideBySideBench {
  private static final int BASE_PORT = 18100;
  private static final int TICKS = Integer.getInteger("bench.ticks", 30);
  /** Ticks before measuring: the JIT compiles the tick's code over the first few dozen. */
  private static final int WARMUP = Integer.getInteger("bench.warmup", 60);
  private static final int CTL_RUNS = Integer.getInteger("bench.ctl.runs", 3);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  /** The SQL Lookout runs each tick, one restatectl process each (restatectl runs one query). */
  private static final List<String> SAME_READS = List.of("nodes", "partition_state",
      "partition_replica_set", "partitions", "logs", "logs_tail_segments", "loglet_workers", "config");
  private static final List<List<String>> OPERATOR_VIEW = List.of(List.of("status"),
      List.of("partitions", "list"), List.of("logs", "list"), List.of("nodes", "list"));

  private final List<String> rows = new ArrayList<>();

  /** Removed afterwards: a 3-node cluster leaves ~650 MB of data. */
  @TempDir
  Path dir;

  @Test
  void lookoutAgainstRestatectl() throws Exception {
    RestateDistribution dist = RestateDistribution.ensureInstalled();
    ExecutorService io = Executors.newFixedThreadPool(8);
    try (LocalCluster cluster = LocalCluster.start(dist, dir, 3, BASE_PORT)) {
      cluster.awaitReady(Duration.ofSeconds(90));
      List<URI> sockets = new ArrayList<>();
      for (int n = 1; n <= 3; n++) {
        sockets.add(URI.create("unix://" + cluster.socket(n)));
      }
      rows.add("| reader | what | wall per run (median) | p90 | client CPU per run |");
      rows.add("|---|---|---|---|---|");
      long tick = lookout("Lookout, TCP", cluster.addresses(), io, WARMUP);
      lookout("Lookout, Unix socket", sockets, io, WARMUP);
      floor(cluster.address(1), tick, io);
      long overlapped = ServerCalls.allAtOnce(cluster.addresses(), TICKS, io);
      rows.add(String.format("| server, TCP | the calls a tick waits for, all at once (bare client) | %.1f ms"
          + " | tick / these = %.2f | |", overlapped / 1e6, (double) tick / overlapped));
      Restatectl ctl = new Restatectl(dist.restatectlBinary(), cluster.address(1));
      rows.add(ctl.measure("restatectl, same reads (8 x sql)", sqlCommands(), CTL_RUNS));
      rows.add(ctl.measure("restatectl, operator view (status, partitions/logs/nodes list)", OPERATOR_VIEW, CTL_RUNS));
      cluster.pause(3);
      try {
        lookout("Lookout, TCP, node-3 hung", cluster.addresses(), io, 10);
        rows.add(ctl.measure("restatectl status, node-3 hung", List.of(List.of("status")), 1));
      } finally {
        cluster.resume(3);
      }
    } finally {
      io.shutdownNow();
    }
    report();
  }

  private static List<List<String>> sqlCommands() {
    List<List<String>> commands = new ArrayList<>();
    for (String table : SAME_READS) {
      commands.add(List.of("sql", "select * from " + table));
    }
    return commands;
  }

  /**
   * The slowest single call a tick waits for, alone: the floor under the overlapped tick. A steady
   * tick does not wait for DescribeLog (answers are taken when they come), so it is shown apart.
   */
  private void floor(URI node, long tickNanos, ExecutorService io) {
    Map<String, Long> medians = ServerCalls.medians(node, TICKS, io);
    Map.Entry<String, Long> slowest = medians.entrySet().stream()
        .filter(e -> !e.getKey().equals("DescribeLog"))
        .max(Map.Entry.comparingByValue()).orElseThrow();
    rows.add(String.format("| server, TCP | slowest single call a tick waits for, alone (%s, of %d kinds) | %.1f ms"
        + " | tick / call = %.2f | |", slowest.getKey(), medians.size() - 1, slowest.getValue() / 1e6,
        (double) tickNanos / slowest.getValue()));
    rows.add(String.format("| server, TCP | DescribeLog alone (not waited for once a log was answered) | %.1f ms | | |",
        medians.get("DescribeLog") / 1e6));
    StringBuilder all = new StringBuilder();
    medians.forEach((call, nanos) -> all.append(String.format(" %s %.1f;", call, nanos / 1e6)));
    rows.add("| server, TCP | every call alone, ms |" + all + " | | |");
  }

  /** Returns the median wall time of a tick, in nanoseconds. */
  private long lookout(String label, List<URI> addresses, ExecutorService io, int warmup) {
    try (RestateSource source = new RestateSource("bench", addresses, TIMEOUT, io)) {
      for (int i = 0; i < warmup; i++) {
        source.scrape(System.currentTimeMillis());
      }
      long[] wall = new long[TICKS];
      long cpuStart = processCpuNanos();
      RestateSnapshot last = null;
      for (int i = 0; i < TICKS; i++) {
        long t = System.nanoTime();
        last = source.scrape(System.currentTimeMillis());
        wall[i] = System.nanoTime() - t;
      }
      long cpu = (processCpuNanos() - cpuStart) / TICKS;
      assertTrue(last.tablesRead(), label + ": " + last.errors());
      Arrays.sort(wall);
      rows.add(String.format("| %s | full tick (%d ticks after %d) | %.1f ms | %.1f ms | %.1f ms |", label, TICKS, warmup,
          wall[TICKS / 2] / 1e6, wall[TICKS * 9 / 10] / 1e6, cpu / 1e6));
      return wall[TICKS / 2];
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private void report() throws Exception {
    String table = String.join("\n", rows) + "\n";
    System.out.println(table);
    Path out = Path.of("target", "bench", "side-by-side.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
  }
}
