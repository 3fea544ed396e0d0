package dev.lookout.source.restate;

import static dev.lookout.source.restate.RestateSourceTest.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.Probe;
import dev.lookout.model.RestateSnapshot;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Later ticks ask the node that served the last one without waiting for its probe, and ask
 * another node only when that one is slow or failing.
 */
class HedgedReadsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final FakeRestateCluster cluster = new FakeRestateCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private int queries() {
    return cluster.node(1).calls("Query") + cluster.node(2).calls("Query") + cluster.node(3).calls("Query");
  }

  @Test
  void aHealthyClusterIsReadOncePerTick() {
    try (RestateSource source = cluster.source(TIMEOUT, 1, 2, 3)) {
      RestateSnapshot first = source.scrape(NOW);
      int perTick = queries();
      RestateSnapshot second = source.scrape(NOW + 1000);
      assertEquals(first.queriedNode(), second.queriedNode());
      assertEquals(Queries.ALL.size(), perTick);
      // The second tick takes the slowly changing tables from the cache and hedges nothing.
      assertEquals(2 * perTick - Queries.SLOW_CHANGING.size(), queries());
      assertEquals(first.config(), second.config());
    }
  }

  @Test
  void slowlyChangingTablesAreReadAgainOnceTheCacheExpires() {
    AtomicLong nanos = new AtomicLong();
    try (RestateSource source = cluster.source(TIMEOUT, nanos::get, 1, 2, 3)) {
      source.scrape(NOW);
      int afterFirst = queries();
      nanos.addAndGet(TableCache.TTL.toNanos() - 1);
      source.scrape(NOW + 1000);
      assertEquals(afterFirst + Queries.ALL.size() - Queries.SLOW_CHANGING.size(), queries());
      nanos.addAndGet(2);
      source.scrape(NOW + 2000);
      assertEquals(afterFirst * 2 + Queries.ALL.size() - Queries.SLOW_CHANGING.size(), queries());
    }
  }

  @Test
  void thePreferredNodeHangingCostsAHedgeNotTheTick() {
    try (RestateSource source = cluster.source(TIMEOUT, 1, 2, 3)) {
      String first = source.scrape(NOW).queriedNode();
      int hung = nodeAt(first);
      cluster.node(hung).hang();
      long started = System.nanoTime();
      RestateSnapshot second = source.scrape(NOW + 1000);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(second.tablesRead(), () -> "errors: " + second.errors());
      assertNotEquals(first, second.queriedNode());
      assertEquals(Probe.TIMEOUT, second.node(hung).probe());
      // Node pages and probes of the hung node still wait for the deadline; the tables do not.
      assertTrue(millis < TIMEOUT.toMillis() + 500, "tick took " + millis + " ms");
    }
  }

  @Test
  void thePreferredNodeDyingFailsOverAtOnce() {
    try (RestateSource source = cluster.source(TIMEOUT, 1, 2, 3)) {
      String first = source.scrape(NOW).queriedNode();
      cluster.node(nodeAt(first)).down();
      long started = System.nanoTime();
      RestateSnapshot second = source.scrape(NOW + 1000);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(second.tablesRead(), () -> "errors: " + second.errors());
      assertNotEquals(first, second.queriedNode());
      assertTrue(millis < 250, "a refused node delayed the tick by " + millis + " ms");
    }
  }

  private int nodeAt(String address) {
    for (int id = 1; id <= 3; id++) {
      if (cluster.node(id).address().equals(address)) {
        return id;
      }
    }
    throw new AssertionError("no fake node at " + address);
  }
}
