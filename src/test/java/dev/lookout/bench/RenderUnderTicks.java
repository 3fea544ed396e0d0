package dev.lookout.bench;

import dev.lookout.app.WholeTick;
import dev.lookout.source.restate.ClusterShape;
import dev.lookout.source.restate.SimulatedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * /metrics rendered over and over, as by an impatient Prometheus, while the agent ticks on its
 * schedule against the same simulated cluster: how long a render takes, and how late the ticks
 * start (a tick that waits on a render, or overruns, starts late).
 */
final class RenderUnderTicks {
  record Result(ClusterShape shape, int series, double renderMedian, double renderP90, int ticks,
      double maxTickLateMs, double tickWallMax) {
    String line() {
      return String.format("| %s | %d | %.1f ms | %.1f ms | %d | %.1f ms | %.1f ms |", shape, series,
          renderMedian, renderP90, ticks, maxTickLateMs, tickWallMax);
    }

    static String header() {
      return "| cluster | /metrics series | render median | render p90 | ticks meanwhile"
          + " | latest tick start | longest tick |\n|---|---|---|---|---|---|---|";
    }
  }

  private RenderUnderTicks() {}

  static Result measure(ClusterShape shape, long intervalMillis, int renders) throws Exception {
    try (SimulatedCluster cluster = new SimulatedCluster(shape);
        WholeTick agent = new WholeTick(cluster.source("sim", Duration.ofSeconds(10)))) {
      for (int i = 0; i < 10; i++) {
        ScaleRun.tick(agent, i);
        agent.stream();
      }
      List<Double> late = new ArrayList<>();
      List<Double> walls = new ArrayList<>();
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      long start = System.nanoTime() + intervalMillis * 1_000_000;
      int[] n = {0};
      ticker.scheduleAtFixedRate(() -> {
        long began = System.nanoTime();
        synchronized (late) {
          late.add((began - start - n[0] * intervalMillis * 1_000_000) / 1e6);
        }
        ScaleRun.tick(agent, 10 + n[0]++);
        synchronized (late) {
          walls.add((System.nanoTime() - began) / 1e6);
        }
      }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
      // At least the asked renders, and for at least three tick intervals, so ticks run meanwhile.
      long until = System.nanoTime() + 3 * intervalMillis * 1_000_000 + intervalMillis * 500_000;
      List<Double> rendered = new ArrayList<>();
      while (rendered.size() < renders || System.nanoTime() < until) {
        long t = System.nanoTime();
        agent.stream();
        rendered.add((System.nanoTime() - t) / 1e6);
      }
      byte[] page = agent.render();
      double[] times = rendered.stream().mapToDouble(d -> d).toArray();
      ticker.shutdown();
      ticker.awaitTermination(30, TimeUnit.SECONDS);
      double[] sorted = times.clone();
      java.util.Arrays.sort(sorted);
      synchronized (late) {
        return new Result(shape, ScaleRun.series(page), ScaleRun.median(times),
            sorted[sorted.length * 9 / 10], late.size(),
            late.stream().mapToDouble(d -> d).max().orElse(0),
            walls.stream().mapToDouble(d -> d).max().orElse(0));
      }
    }
  }
}
