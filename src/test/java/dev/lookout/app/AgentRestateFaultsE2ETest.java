package dev.lookout.app;

import static dev.lookout.app.AgentE2ETest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.config.Alerting;
import dev.lookout.config.Config;
import dev.lookout.config.Listen;
import dev.lookout.config.NatsTarget;
import dev.lookout.config.RestateTarget;
import dev.lookout.config.Scrape;
import dev.lookout.demo.LocalCluster;
import dev.lookout.demo.RestateDistribution;
import dev.lookout.model.Node;
import dev.lookout.model.Probe;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.nats.NatsSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against a real 3-node Restate cluster whose nodes are hung (SIGSTOP), restarted in a
 * loop and killed in turn: its ticks keep their schedule, each node is marked, the shipped rules
 * (with short `for:`) fire, and threads and sockets stay flat.
 */
@Tag("e2e")
class AgentRestateFaultsE2ETest {
  private static final int BASE_PORT = 24100;
  private static final Duration INTERVAL = Duration.ofMillis(500);
  private static final Duration TIMEOUT = Duration.ofMillis(250);
  /** Generous for a shared machine; a tick blocked by a hung node or drifting would be seconds late. */
  private static final long MAX_P90_LATENESS_MILLIS = 2 * INTERVAL.toMillis();

  /**
   * Left out of the thread count: gRPC's shared cached executor (the channels' callbacks), which
   * grows with the calls in flight and lets idle threads go after a minute, and the JDK's
   * reapers of the test's own Restate processes.
   */
  private static final String[] CACHED_POOLS = {"grpc-default-executor", "process reaper"};

  @TempDir
  static Path dir;
  private LocalCluster cluster;
  private Agent agent;
  private int port;
  private final TickTimes ticks = new TickTimes();
  private final List<ResourceCounts> samples = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void hungRestartingAndKilledNodesCostTheAgentNothing() throws Exception {
    cluster = LocalCluster.start(RestateDistribution.ensureInstalled(), dir, 3, BASE_PORT);
    cluster.awaitReady(Duration.ofSeconds(120));
    startAgent();
    awaitTrue("three nodes answering", Duration.ofSeconds(30), () -> probes(Probe.OK) == 3);
    runTicks(10);
    MetricsText.get(port, "/api/v1/alerts"); // the test's own HTTP client starts its thread now
    runTicks(10);
    java.util.Map<String, Integer> namesBefore = ResourceCounts.threadNames();

    int hung = idOf(2);
    cluster.pause(2);
    try {
      runTicks(30);
      awaitTrue("node 2 marked timed out", INTERVAL.multipliedBy(4), () -> latest().node(hung).probe() == Probe.TIMEOUT);
      awaitTrue("RestateNodeHung firing", Duration.ofSeconds(20), () -> firing("RestateNodeHung", "N" + hung));
    } finally {
      cluster.resume(2);
    }
    int restarting = idOf(3);
    int generation = latest().node(restarting).generation();
    for (int i = 0; i < 2; i++) {
      cluster.kill(3);
      runTicks(4);
      cluster.restart(3);
      awaitTrue("node 3 back", Duration.ofSeconds(60), () -> latest().node(restarting) != null
          && latest().node(restarting).probe() == Probe.OK);
    }
    // The agent's history spans 12 ticks (6 s here): too short for RestateNodeRestarting's window
    // to see two restarts that each take Restate many seconds, so only the marking is checked.
    assertTrue(latest().node(restarting).generation() >= generation + 2, () -> "generation of N" + restarting
        + " after two restarts: " + latest().node(restarting));
    cluster.kill(3);
    runTicks(30);
    awaitTrue("RestateNodeDead firing", Duration.ofSeconds(60), () -> firing("RestateNodeDead", "N" + restarting));

    TickTimes.Lateness lateness = ticks.lateness(INTERVAL.toMillis());
    int quarter = Math.max(1, samples.size() / 4);
    ResourceCounts earlyMost = ResourceCounts.ceiling(samples.subList(0, quarter));
    ResourceCounts late = ResourceCounts.floor(samples.subList(samples.size() - quarter, samples.size()));
    System.out.printf("restate faults e2e: %d ticks every %d ms, timeout %d ms; lateness %s; threads and"
        + " sockets: most over the first quarter %s, fewest over the last %s%n", ticks.count(),
        INTERVAL.toMillis(), TIMEOUT.toMillis(), lateness, earlyMost, late);
    assertTrue(lateness.p90Millis() <= MAX_P90_LATENESS_MILLIS, "ticks fell behind: " + lateness);
    assertTrue(late.threads() <= earlyMost.threads() + 2, "threads grew: " + earlyMost + " → " + late
        + "; by name before " + namesBefore + ", after " + ResourceCounts.threadNames());
    assertTrue(late.sockets() <= earlyMost.sockets() + 4, "sockets grew: " + earlyMost + " → " + late);
  }

  private void startAgent() throws Exception {
    Config config = new Config("e2e", new Listen("127.0.0.1", 0), new Scrape(INTERVAL, TIMEOUT),
        dir.resolve("state"), "https://runbooks.e2e", List.of(new RestateTarget("restate", cluster.addresses())),
        ShortenedRules.copy(dir, "2s"), Alerting.DEFAULT);
    agent = new Agent(config, InstantSource.system(), new Runners.Readers() {
      @Override
      public TargetRunner.Source<RestateSnapshot> restate(RestateTarget t, Duration timeout, Executor io) {
        return ticks.around(Runners.NETWORK.restate(t, timeout, io), n -> { });
      }

      @Override
      public TargetRunner.Source<NatsSnapshot> nats(NatsTarget t, Duration timeout, Executor io) {
        throw new UnsupportedOperationException("no NATS target here");
      }
    });
    port = agent.start();
  }

  /** Lets {@code n} more ticks happen, sampling threads and sockets along the way. */
  private void runTicks(int n) throws InterruptedException {
    int until = ticks.count() + n;
    while (ticks.count() < until) {
      samples.add(ResourceCounts.nowExcept(CACHED_POOLS));
      Thread.sleep(INTERVAL.toMillis());
    }
  }

  private RestateSnapshot latest() {
    return (RestateSnapshot) agent.snapshots().get(0);
  }

  private long probes(Probe probe) {
    return agent.snapshots().isEmpty() ? 0 : latest().nodes().stream().filter(n -> n.probe() == probe).count();
  }

  private int idOf(int node) {
    String name = cluster.nodeName(node);
    return latest().nodes().stream().filter(n -> n.name().equals(name)).findFirst().map(Node::id)
        .orElseThrow(() -> new AssertionError("no node named " + name));
  }

  private boolean firing(String alertname, String node) {
    try {
      JsonNode alerts = new ObjectMapper().readTree(MetricsText.get(port, "/api/v1/alerts").body())
          .get("data").get("alerts");
      for (JsonNode a : alerts) {
        if (a.get("labels").get("alertname").asText().equals(alertname)
            && node.equals(a.get("labels").path("node").asText()) && a.get("state").asText().equals("firing")) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
