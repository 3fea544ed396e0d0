package dev.lookout.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.source.restate.ClusterShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The agent's whole tick against simulated clusters from 3 nodes / 24 partitions to 128 nodes /
 * 16,384 partitions x 3 replicas, in one run. Prints a table and writes it to
 * target/bench/scale.md. Run: see README ("Benchmarks").
 */
@Tag("bench")
class ScaleBench {
  /** nodes/partitions, replication 3; -Dbench.sizes=64/4096,128/16384 measures only those. */
  private static final String SIZES =
      System.getProperty("bench.sizes", "3/24,16/256,32/1024,64/4096,128/16384");
  /** Ticks before measuring each size: with fewer, the JIT is still compiling the tick (64/4096 read 20-50% slower). */
  private static final int WARMUP = Integer.getInteger("bench.warmup", 40);
  private static final int TICKS = Integer.getInteger("bench.ticks", 30);

  @Test
  void wholeTickAcrossClusterSizes() throws Exception {
    List<ScaleRun.Row> rows = new ArrayList<>();
    for (String size : SIZES.split(",")) {
      String[] np = size.trim().split("/");
      ClusterShape shape = ClusterShape.of(Integer.parseInt(np[0]), Integer.parseInt(np[1]), 3);
      rows.add(ScaleRun.measure(shape, WARMUP, TICKS));
      System.out.println(rows.get(rows.size() - 1).line());
    }
    StringBuilder table = new StringBuilder(ScaleRun.Row.header()).append('\n');
    rows.forEach(r -> table.append(r.line()).append('\n'));
    System.out.println(table);
    Path out = Path.of("target", "bench", "scale.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    ScaleRun.Row mid = rows.get(Math.max(0, rows.size() - 2));
    ScaleRun.Row largest = rows.get(rows.size() - 1);
    assertTrue(largest.cpuNanosPerReplicaRow() <= 1.5 * mid.cpuNanosPerReplicaRow(),
        "CPU per replica row grows faster than linearly: " + mid.line() + " then " + largest.line());
  }

  /** About 50,000 series: 48 nodes / 1,536 partitions x 3, ticking every second meanwhile. */
  @Test
  void metricsRenderedWhileTheTickKeepsItsSchedule() throws Exception {
    RenderUnderTicks.Result r = RenderUnderTicks.measure(ClusterShape.of(48, 1536, 3), 1000,
        Integer.getInteger("bench.renders", 60));
    String table = RenderUnderTicks.Result.header() + "\n" + r.line() + "\n";
    System.out.println(table);
    Path out = Path.of("target", "bench", "render-under-ticks.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    assertTrue(r.ticks() > 0, "no tick ran while rendering: " + r.line());
  }
}
