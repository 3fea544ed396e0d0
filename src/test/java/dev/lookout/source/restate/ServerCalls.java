package dev.lookout.source.restate;

import io.grpc.Channel;
import io.grpc.Deadline;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Times each server call a steady tick makes, one at a time against one node: the floor under the
 * agent's tick, which overlaps them all. The `config` table is left out: ticks read it once a
 * minute.
 */
public final class ServerCalls {
  private ServerCalls() {}

  /** Median wall time in nanoseconds of each call kind, by name, after one warm-up round. */
  public static Map<String, Long> medians(URI node, int runs, Executor executor) {
    Map<String, Long> medians = new LinkedHashMap<>();
    try (NodeChannels channels = new NodeChannels()) {
      Map<String, Supplier<CompletableFuture<?>>> calls = calls(channels.get(node), node, executor);
      for (Map.Entry<String, Supplier<CompletableFuture<?>>> call : calls.entrySet()) {
        medians.put(call.getKey(), median(call.getValue(), runs));
      }
    }
    return medians;
  }

  /**
   * Median wall time in nanoseconds of the calls a steady tick waits for, all started at once by a
   * client that does nothing else: GetIdent and /metrics of every node, and the table queries
   * and GetClusterConfiguration on the first. The floor under a tick whose calls overlap, when the
   * servers share the machine's cores.
   */
  public static long allAtOnce(List<URI> nodes, int runs, Executor executor) {
    try (NodeChannels channels = new NodeChannels()) {
      MetricsPages pages = MetricsPages.overNetwork(executor, java.util.Optional.empty());
      Channel first = channels.get(nodes.get(0));
      return median(() -> {
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (URI node : nodes) {
          all.add(ControlCalls.getIdent(channels.get(node), deadline()));
          all.add(pages.fetch(node, Duration.ofSeconds(5), "N"));
        }
        for (Queries q : Queries.ALL) {
          if (!Queries.SLOW_CHANGING.contains(q)) {
            all.add(ControlCalls.query(first, deadline(), q.sql()));
          }
        }
        all.add(ControlCalls.getClusterConfiguration(first, deadline()));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
      }, runs);
    }
  }

  private static Map<String, Supplier<CompletableFuture<?>>> calls(Channel channel, URI node,
      Executor executor) {
    Map<String, Supplier<CompletableFuture<?>>> calls = new LinkedHashMap<>();
    calls.put("GetIdent", () -> ControlCalls.getIdent(channel, deadline()));
    calls.put("GetClusterState", () -> ControlCalls.getClusterState(channel, deadline()));
    calls.put("DescribeLog", () -> ControlCalls.describeLog(channel, deadline(), 0));
    for (Queries q : Queries.ALL) {
      if (!Queries.SLOW_CHANGING.contains(q)) {
        calls.put("Query " + q.table(), () -> ControlCalls.query(channel, deadline(), q.sql()));
      }
    }
    MetricsPages pages = MetricsPages.overNetwork(executor, java.util.Optional.empty());
    calls.put("GET /metrics", () -> pages.fetch(node, Duration.ofSeconds(5), "N1"));
    return calls;
  }

  private static Deadline deadline() {
    return Deadline.after(5, TimeUnit.SECONDS);
  }

  private static long median(Supplier<CompletableFuture<?>> call, int runs) {
    call.get().join();
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      call.get().join();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos[runs / 2];
  }
}
