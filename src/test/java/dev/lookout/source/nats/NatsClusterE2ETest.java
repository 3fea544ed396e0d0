package dev.lookout.source.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsServer.JszState;
import dev.lookout.model.nats.NatsServer.Reachability;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real 3-node JetStream cluster (Debian nats-server 2.9.10) on loopback ports. */
@Tag("e2e")
class NatsClusterE2ETest {
  private static final int BASE = 14222;
  private static final int MESSAGES = 200;

  @TempDir Path dir;
  private NatsTestCluster cluster;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private NatsSource source;

  @BeforeEach
  void startCluster() throws IOException {
    assumeTrue(NatsTestCluster.installed(), "nats-server not installed (apt-get install nats-server)");
    cluster = NatsTestCluster.start(dir, BASE);
    source = new NatsSource("e2e", cluster.monitorUrls(), Duration.ofSeconds(2), executor);
  }

  @AfterEach
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
    executor.shutdownNow();
  }

  @Test
  void healthyThenFollowerKilledThenLeaderless() throws Exception {
    NatsSnapshot up = until(Duration.ofSeconds(30), s -> s.servers().stream()
        .allMatch(v -> v.metaLeader() != null && v.health() != null && v.health().ok()));
    createStreamAndPublish();
    NatsSnapshot healthy = until(Duration.ofSeconds(20), s -> s.stream("$G", "ORDERS")
        .map(o -> o.leader() != null && o.replicas().size() == 2
            && o.replicas().stream().allMatch(r -> Boolean.TRUE.equals(r.current())
                && r.own() != null && r.own().messages() == MESSAGES))
        .orElse(false));
    assertHealthy(up, healthy);
    printScrapeCost();

    NatsStream orders = healthy.stream("$G", "ORDERS").orElseThrow();
    String victim = orders.replicas().get(0).server();
    cluster.kill(victim);
    NatsSnapshot killed = until(Duration.ofSeconds(40), s -> s.stream("$G", "ORDERS")
        .map(o -> o.replica(victim) != null && (Boolean.FALSE.equals(o.replica(victim).current())
            || Boolean.TRUE.equals(o.replica(victim).offline())))
        .orElse(false));
    assertEquals(Reachability.UNREACHABLE, killed.server(victim).orElseThrow().reachable());
    assertEquals(orders.leader(), killed.stream("$G", "ORDERS").orElseThrow().leader());
    System.out.println("e2e: killed " + victim + ": " + Describe.stream(
        killed.stream("$G", "ORDERS").orElseThrow()));

    String second = orders.replicas().get(1).server();
    cluster.kill(second);
    NatsSnapshot leaderless = until(Duration.ofSeconds(60), s -> s.stream("$G", "ORDERS")
        .map(NatsStream::leaderless).orElse(false)
        && s.server(orders.leader()).map(v -> v.metaLeader() == null).orElse(false));
    NatsServer last = leaderless.server(orders.leader()).orElseThrow();
    assertNull(last.metaLeader());
    assertEquals(Reachability.OK, last.reachable());
    System.out.println("e2e: two down: " + Describe.stream(leaderless.stream("$G", "ORDERS").orElseThrow())
        + " / " + Describe.server(last));
  }

  private static void assertHealthy(NatsSnapshot up, NatsSnapshot healthy) {
    assertEquals(List.of(), up.errors());
    for (NatsServer v : healthy.servers()) {
      assertEquals(Reachability.OK, v.reachable(), v.name());
      assertEquals(JszState.OK, v.jszState(), v.name());
      assertEquals(Boolean.TRUE, v.jetstreamEnabled(), v.name());
      assertEquals(2, v.routes(), v.name());
      assertEquals("2.9.10", v.version());
    }
    NatsStream orders = healthy.stream("$G", "ORDERS").orElseThrow();
    assertNotNull(orders.leader());
    assertEquals(3, orders.configuredReplicas());
    assertEquals(MESSAGES, orders.leaderState().messages());
    assertEquals(List.of(), orders.divergedReplicas());
    assertFalse(orders.underReplicated());
    System.out.println("e2e: healthy: " + Describe.stream(orders));
  }

  private void createStreamAndPublish() throws Exception {
    assertTrue(cluster.createStream("ORDERS", 3).contains("\"num_replicas\":3"));
    assertTrue(cluster.publish("orders.new", MESSAGES).contains("\"seq\":" + MESSAGES));
  }

  private void printScrapeCost() {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long start = System.nanoTime();
      NatsSnapshot s = source.scrape(System.currentTimeMillis());
      micros.add((System.nanoTime() - start) / 1000);
      assertEquals(List.of(), s.errors());
    }
    micros.sort(Comparator.naturalOrder());
    System.out.printf("e2e: scrape of 3 servers x 8 endpoints: median %.1f ms, min %.1f ms, max %.1f ms%n",
        (micros.get(9) + micros.get(10)) / 2000.0, micros.get(0) / 1000.0, micros.get(19) / 1000.0);
  }

  private NatsSnapshot until(Duration limit, Predicate<NatsSnapshot> done) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    NatsSnapshot s = source.scrape(System.currentTimeMillis());
    while (!done.test(s)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not reached within " + limit + ": " + Describe.lines(s));
      }
      Thread.sleep(500);
      s = source.scrape(System.currentTimeMillis());
    }
    return s;
  }
}
