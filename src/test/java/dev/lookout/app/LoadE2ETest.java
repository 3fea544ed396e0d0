package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.config.Alerting;
import dev.lookout.config.Config;
import dev.lookout.config.Listen;
import dev.lookout.config.NatsTarget;
import dev.lookout.config.Receiver;
import dev.lookout.config.Scrape;
import dev.lookout.output.notify.HookServer;
import dev.lookout.source.nats.NatsTestCluster;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent watching a real 3-node JetStream cluster, with alerts firing and delivered to a
 * webhook, while wrk keeps /metrics, /api/v1/alerts and the status page busy: no request fails,
 * the ticks keep their schedule and the heap does not grow. Harder on demand:
 * {@code -Dlookout.load.seconds=60 -Dlookout.load.connections=256 -Dlookout.load.threads=4}.
 */
@Tag("e2e")
class LoadE2ETest {
  private static final int NATS_BASE = 25222;
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final List<String> STREAMS = List.of("ORDERS", "EVENTS", "AUDIT");
  /** Per server one firing and one pending alert; per follower replica one firing. */
  private static final int FIRING = 3 + 2 * STREAMS.size();
  private static final int PENDING = 3;
  private static final List<String> PATHS = List.of("/metrics", "/api/v1/alerts", "/");
  /**
   * Ticks keep their schedule on the whole: the mean start lateness stays small (tens of
   * milliseconds on a quiet machine; seconds when page renders crowd out the ticks), and no single
   * tick is so late that /-/healthy would call the agent dead (3 intervals + the timeout), which
   * leaves room for a machine shared with other builds.
   */
  private static final Duration MAX_MEAN_LATENESS = Duration.ofMillis(250);
  private static final Duration MAX_LATENESS = INTERVAL.multipliedBy(3).plus(TIMEOUT);
  /** Heap after a full GC may differ by this much; a per-request leak costs far more. */
  private static final long MAX_HEAP_GROWTH = 16L << 20;

  private static final Wrk.Load LOAD = new Wrk.Load(Integer.getInteger("lookout.load.threads", 2),
      Integer.getInteger("lookout.load.connections", 64),
      Duration.ofSeconds(Integer.getInteger("lookout.load.seconds", 10)));
  private static final Wrk.Load WARM_UP = new Wrk.Load(LOAD.threads(), LOAD.connections(),
      Duration.ofSeconds(2));

  @TempDir
  Path dir;
  private NatsTestCluster cluster;
  private HookServer hook;
  private Agent agent;
  private int port;

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
    if (hook != null) {
      hook.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Timeout(300)
  void servesEveryRequestUnderLoadWhileTicksKeepTheirScheduleAndTheHeapStaysFlat()
      throws Exception {
    assumeTrue(NatsTestCluster.installed(), "needs nats-server (apt-get install nats-server)");
    assumeTrue(Files.isExecutable(Wrk.BINARY), "needs wrk (apt-get install wrk)");
    startClusterAndAgent();
    AgentE2ETest.awaitTrue(FIRING + " alerts firing, " + PENDING + " pending",
        Duration.ofSeconds(60), () -> alertsInState("firing") == FIRING
            && alertsInState("pending") == PENDING);
    hook.next(Duration.ofSeconds(10)); // delivery runs too while the load does
    assertEquals(FIRING, MetricsText.get(port, "/metrics").body().lines()
        .filter(l -> l.startsWith("lookout_alerts{") && l.contains("alertstate=\"firing\""))
        .count(), "one lookout_alerts series per firing alert");
    for (String path : PATHS) {
      Wrk.run(url(path), WARM_UP, dir);
    }

    long heapBefore = heapAfterGc();
    int threadsBefore = Thread.activeCount();
    List<Wrk.Result> results = new ArrayList<>();
    List<TickWatch.Lateness> ticks;
    try (TickWatch watch = new TickWatch(agent::targets, INTERVAL)) {
      for (String path : PATHS) {
        results.add(Wrk.run(url(path), LOAD, dir));
      }
      ticks = watch.stop();
    }
    long heapAfter = heapAfterGc();
    int threadsAfter = Thread.activeCount();

    results.forEach(r -> System.out.println("load: " + r.line()));
    ticks.forEach(t -> System.out.printf("load: target %s: %d ticks, start lateness worst %d ms, "
        + "mean %d ms%n", t.target(), t.ticks(), t.worst().toMillis(), t.mean().toMillis()));
    System.out.printf("load: heap after GC %.1f MB before, %.1f MB after; threads %d before, %d "
        + "after%n", heapBefore / 1e6, heapAfter / 1e6, threadsBefore, threadsAfter);

    for (Wrk.Result r : results) {
      assertTrue(r.requests() > 0, r.line());
      assertEquals(0, r.errors(), r.line());
    }
    long expectedTicks = LOAD.duration().multipliedBy(PATHS.size()).dividedBy(INTERVAL);
    for (TickWatch.Lateness t : ticks) {
      assertTrue(t.ticks() >= expectedTicks - 1, t + ": expected about " + expectedTicks);
      assertTrue(t.mean().compareTo(MAX_MEAN_LATENESS) <= 0, t.toString());
      assertTrue(t.worst().compareTo(MAX_LATENESS) <= 0, t.toString());
    }
    assertTrue(heapAfter - heapBefore < MAX_HEAP_GROWTH,
        "heap grew from " + heapBefore + " to " + heapAfter + " bytes");
    assertEquals(FIRING, alertsInState("firing"), "the alerts held through the load");
  }

  private void startClusterAndAgent() throws Exception {
    cluster = NatsTestCluster.start(dir, NATS_BASE);
    for (String stream : STREAMS) {
      cluster.createStream(stream, 3);
    }
    hook = new HookServer();
    Path rules = dir.resolve("load-rules.yaml");
    Files.writeString(rules, RULES);
    Config config = new Config("load", new Listen("127.0.0.1", 0),
        new Scrape(INTERVAL, TIMEOUT), dir.resolve("state"), "https://runbooks.load",
        List.of(new NatsTarget("nats", new ArrayList<>(cluster.monitorUrls().values()))),
        List.of(rules), new Alerting(Duration.ofMinutes(1), List.of(),
            List.of(new Receiver(URI.create(hook.url("/hook"))))));
    agent = new Agent(config, InstantSource.system());
    port = agent.start();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private long alertsInState(String state) {
    try {
      JsonNode alerts = new ObjectMapper().readTree(MetricsText.get(port, "/api/v1/alerts").body())
          .get("data").get("alerts");
      long n = 0;
      for (JsonNode a : alerts) {
        n += a.get("state").asText().equals(state) ? 1 : 0;
      }
      return n;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Rules that hold on a healthy cluster, so alerts fire without breaking anything. */
  private static final String RULES = """
      groups:
        - name: load
          rules:
            - alert: LoadServerAnswers
              each: server
              expr: server.reachable == "ok"
              labels: {severity: warning}
              annotations:
                summary: "Server {{ $labels.server }} answers <&> \\"quoted\\""
                description: "{{ nats.reachableServers }} of {{ nats.servers }} servers answer"
                runbook_url: "{{ $runbook_base }}/LoadServerAnswers.md"
            - alert: LoadServerPending
              each: server
              expr: server.reachable == "ok"
              for: 1h
              labels: {severity: info}
              annotations:
                summary: "Server {{ $labels.server }} has answered for a while"
                runbook_url: "{{ $runbook_base }}/LoadServerPending.md"
            - alert: LoadReplicaCurrent
              each: stream_replica
              expr: sreplica.current == true
              labels: {severity: critical}
              annotations:
                summary: "Replica of {{ $labels.stream }} on {{ $labels.server }} is current"
                runbook_url: "{{ $runbook_base }}/LoadReplicaCurrent.md"
      """;
}
