package dev.lookout.bench;

import dev.lookout.app.WholeTick;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.source.restate.ClusterShape;
import dev.lookout.source.restate.SimulatedCluster;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Arrays;

/**
 * Runs the agent's whole tick against a simulated cluster of one shape and measures it: medians
 * over the measured ticks after warm-up. Process CPU counts every thread, GC and JIT included,
 * and the simulated servers' own threads, in the OS clock's 10 ms steps; the agent's threads'
 * CPU is the sum over its Java threads (the servers' left out, GC and JIT not Java threads).
 * Allocation is every thread's. Heap is the agent's: heap after GC with the agent minus without it.
 */
final class ScaleRun {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  /** One size's figures, times in ms. */
  record Row(ClusterShape shape, double tickWall, double tickCpu, double agentCpu, double gcMs, double allocMb, double heapMb,
      double scrapeWall, double publishCpu, double rulesCpu, double renderWall, int series,
      double renderMb, int alerts) {

    double cpuNanosPerReplicaRow() {
      return agentCpu * 1e6 / shape.replicaRows();
    }

    static String header() {
      return "| nodes / partitions x R | replica rows | tick wall | tick CPU (process) | tick CPU (agent threads)"
          + " | GC pauses"
          + " | CPU per replica row"
          + " | alloc per tick | agent heap after GC | scrape wall | gauges CPU | rules CPU | /metrics render"
          + " | /metrics series | /metrics size | alerts |\n"
          + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    String line() {
      return String.format("| %d / %d x %d | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.0f ns | %.1f MB | %.1f MB | %.1f ms"
          + " | %.1f ms | %.1f ms | %.1f ms | %d | %.1f MB | %d |", shape.nodes(), shape.partitions(),
          shape.replication(), shape.replicaRows(), tickWall, tickCpu, agentCpu, gcMs, cpuNanosPerReplicaRow(), allocMb,
          heapMb, scrapeWall, publishCpu, rulesCpu, renderWall, series, renderMb, alerts);
    }
  }

  private ScaleRun() {}

  static Row measure(ClusterShape shape, int warmup, int ticks) throws Exception {
    try (SimulatedCluster cluster = new SimulatedCluster(shape)) {
      long simOnly = heapAfterGc();
      try (WholeTick agent = new WholeTick(cluster.source("sim", Duration.ofSeconds(10)))) {
        for (int i = 0; i < warmup; i++) {
          tick(agent, i);
          agent.stream();
        }
        double[][] samples = new double[10][ticks];
        for (int i = 0; i < ticks; i++) {
          measured(agent, warmup + i, samples, i);
        }
        PageSize page = PageSize.of(agent.render());
        long heap = heapAfterGc() - simOnly;
        return new Row(shape, median(samples[0]), median(samples[1]), median(samples[8]), mean(samples[9]), median(samples[2]) / 1e6,
            heap / 1e6, median(samples[3]), median(samples[4]), median(samples[5]), median(samples[6]),
            page.series(), page.bytes() / 1e6, agent.alerts());
      }
    }
  }

  private static void measured(WholeTick agent, int tick, double[][] out, int i) {
    long cpu0 = OS.getProcessCpuTime();
    long agent0 = agentThreadsCpu();
    long gc0 = gcMillis();
    long alloc0 = allocated();
    long wall0 = System.nanoTime();
    RestateSnapshot s = agent.scrape(tick * 10_000L);
    long scraped = System.nanoTime();
    long thread0 = THREADS.getCurrentThreadCpuTime();
    agent.publish();
    long thread1 = THREADS.getCurrentThreadCpuTime();
    agent.evaluateRules(tick * 10_000L);
    long thread2 = THREADS.getCurrentThreadCpuTime();
    long wall1 = System.nanoTime();
    out[0][i] = (wall1 - wall0) / 1e6;
    out[1][i] = (OS.getProcessCpuTime() - cpu0) / 1e6;
    out[8][i] = (agentThreadsCpu() - agent0) / 1e6;
    out[9][i] = gcMillis() - gc0;
    out[2][i] = allocated() - alloc0;
    out[3][i] = (scraped - wall0) / 1e6;
    out[4][i] = (thread1 - thread0) / 1e6;
    out[5][i] = (thread2 - thread1) / 1e6;
    long render0 = System.nanoTime();
    agent.stream();
    out[6][i] = (System.nanoTime() - render0) / 1e6;
    if (!s.errors().isEmpty()) {
      throw new IllegalStateException("tick " + tick + " of " + s.target() + " failed: " + s.errors());
    }
  }

  /** Tick without measuring. */
  static void tick(WholeTick agent, int tick) {
    agent.scrape(tick * 10_000L);
    agent.publish();
    agent.evaluateRules(tick * 10_000L);
  }

  /**
   * CPU the agent's live Java threads used so far (nanosecond clocks), the simulated cluster's own
   * threads left out: the servers' part. GC and JIT threads are not Java threads: not counted.
   */
  static long agentThreadsCpu() {
    long sum = 0;
    for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (t != null && !t.getThreadName().startsWith("fake-restate")) {
        sum += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
      }
    }
    return sum;
  }

  /** Time the collectors paused the JVM so far. */
  static long gcMillis() {
    long sum = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  /** Bytes allocated so far by every live thread. */
  static long allocated() {
    long sum = 0;
    for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
      sum += Math.max(0, bytes);
    }
    return sum;
  }

  /** A rendered page's size, so the page itself is not held while the heap is measured. */
  private record PageSize(int series, int bytes) {
    static PageSize of(byte[] page) {
      return new PageSize(ScaleRun.series(page), page.length);
    }
  }

  static long heapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Lines of the page that are not comments. */
  static int series(byte[] page) {
    int n = 0;
    boolean lineStart = true;
    for (byte b : page) {
      if (lineStart && b != '#') {
        n++;
      }
      lineStart = b == '\n';
    }
    return n;
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(0);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
