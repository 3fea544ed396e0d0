package dev.lookout.source.restate;

import static dev.lookout.source.restate.RestateSourceTest.NOW;
import static dev.lookout.source.restate.RestateSourceTest.TIMEOUT;
import static dev.lookout.source.restate.RestateSourceTest.scrape;
import static dev.lookout.source.restate.RestateSourceTest.servedQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.ClusterConfig;
import dev.lookout.model.Log;
import dev.lookout.model.Probe;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.SourceError;
import dev.lookout.model.SourceError.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken nodes of the recorded cluster: each fault costs exactly what it should, no more. */
class RestateSourceFaultTest {
  private static final String REFUSED = "ConnectException: Connection refused";

  private final FakeRestateCluster cluster = new FakeRestateCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private List<SourceError> unreachable(int id) {
    String address = cluster.node(id).address();
    return List.of(new SourceError(address + " GetIdent", Reason.UNREACHABLE, "node did not answer"),
        new SourceError(address + " /metrics", Reason.UNREACHABLE, REFUSED));
  }

  private static void assertTablesIntact(RestateSnapshot s) {
    assertEquals(RecordedCluster.LOGS, s.logs());
    assertEquals(RecordedCluster.PARTITIONS, s.partitions());
    assertEquals(RecordedCluster.REPLICAS, s.replicas());
    assertEquals(RecordedCluster.CONFIG, s.config());
  }

  @Test
  void firstConfiguredNodeDownFailsOverToAnother() {
    cluster.node(1).down();
    RestateSnapshot s = scrape(cluster, TIMEOUT, 1, 2, 3);
    assertEquals(unreachable(1), s.errors());
    assertEquals(0, cluster.node(1).calls("Query"));
    assertEquals(servedQueries(cluster), s.queriedNode());
    assertEquals(RecordedCluster.nodesWithProbe(1, Probe.UNREACHABLE), s.nodes());
    assertTablesIntact(s);
  }

  @ParameterizedTest(name = "node {0} hangs")
  @ValueSource(ints = {1, 2, 3})
  void hungNodeCostsOnlyItsOwnReadsAndNotMoreThanTheTimeout(int id) {
    Duration timeout = Duration.ofSeconds(1);
    cluster.node(id).hang();
    long start = System.nanoTime();
    RestateSnapshot s = scrape(cluster, timeout, 1, 2, 3);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMillis <= timeout.toMillis() + 500, "tick took " + tookMillis + " ms");
    String address = cluster.node(id).address();
    assertEquals(List.of(new SourceError(address + " GetIdent", Reason.TIMEOUT, "node did not answer"),
        new SourceError(address + " /metrics", Reason.TIMEOUT, "no answer in time")), s.errors());
    assertEquals(RecordedCluster.nodesWithProbe(id, Probe.TIMEOUT), s.nodes());
    assertEquals(servedQueries(cluster), s.queriedNode());
    assertTablesIntact(s);
  }

  @Test
  void aTableHeldUpByAHungNodeIsLastTicksOnceTheNodeIsSilentForASecond() {
    Duration timeout = Duration.ofSeconds(5);
    try (RestateSource source = cluster.source(timeout, 1, 2, 3)) {
      RestateSnapshot before = source.scrape(NOW);
      cluster.node(3).hang();
      cluster.nodes().forEach(n -> n.slowTable(Queries.LOGLET_WORKERS, 10_000));
      long start = System.nanoTime();
      RestateSnapshot s = source.scrape(NOW + 10_000);
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tookMillis < 2_000, "tick took " + tookMillis + " ms");
      assertEquals(before.logs(), s.logs(), "the logs from last tick's loglet_workers");
      assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("loglet_workers: no answer within 1000 ms")),
          s.warnings().toString());
      assertEquals(List.of("GetIdent", "/metrics"),
          s.errors().stream().map(e -> e.what().substring(e.what().lastIndexOf(' ') + 1)).toList());
    }
  }

  @Test
  void allNodesDownLeavesNoTablesAndSaysWhy() {
    cluster.nodes().forEach(FakeNode::down);
    RestateSnapshot s = scrape(cluster, TIMEOUT, 1, 2, 3);
    List<SourceError> expected = new ArrayList<>();
    Stream.of(1, 2, 3).forEach(id -> expected.addAll(unreachable(id)));
    expected.add(new SourceError("cluster tables", Reason.UNAVAILABLE, "no admin node answered among"
        + " [http://127.0.0.1:5132, http://127.0.0.1:5142, http://127.0.0.1:5152]"));
    assertEquals(expected, s.errors());
    assertFalse(s.tablesRead());
    assertNull(s.queriedNode());
    assertEquals(List.of(), s.nodes());
    assertEquals(List.of(), s.logs());
    assertEquals(List.of(), s.partitions());
    assertEquals(List.of(), s.replicas());
    assertEquals(ClusterConfig.UNKNOWN, s.config());
    assertEquals(List.of(), s.samples());
  }

  @Test
  void nodeWithoutAdminRoleIsNotQueried() {
    cluster.node(1).notAdmin();
    RestateSnapshot s = scrape(cluster, TIMEOUT, 1, 2, 3);
    assertEquals(List.of(), s.errors());
    assertEquals(0, cluster.node(1).calls("Query"));
    assertEquals(servedQueries(cluster), s.queriedNode());
    assertEquals(RecordedCluster.NODES, s.nodes());
    assertTablesIntact(s);
  }

  @Test
  void queriedNodeIsTheOneThatServedTheTables() {
    cluster.node(1).slowIdent(300);
    RestateSnapshot s = scrape(cluster, TIMEOUT, 1, 2, 3);
    assertEquals(List.of(), s.errors());
    assertEquals(0, cluster.node(1).calls("Query"));
    assertEquals(servedQueries(cluster), s.queriedNode());
    assertEquals(RecordedCluster.NODES, s.nodes());
  }

  /** A table cut short, and the one entity kind that must come out empty because of it. */
  record Garbage(Queries table, String emptied) {
    @Override
    public String toString() {
      return table.table() + " -> " + emptied;
    }
  }

  static Stream<Garbage> garbage() {
    return Stream.of(new Garbage(Queries.NODES, "nodes"),
        new Garbage(Queries.PARTITION_STATE, "replicas"),
        new Garbage(Queries.REPLICA_SET, "partitions"),
        new Garbage(Queries.PARTITIONS, "partitions"),
        new Garbage(Queries.LOGS, "logs"),
        new Garbage(Queries.TAIL_SEGMENTS, "logs"),
        new Garbage(Queries.LOGLET_WORKERS, "logs"),
        new Garbage(Queries.CONFIG, "config"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void truncatedTableEmptiesOnlyItsEntityKind(Garbage g) {
    cluster.nodes().forEach(n -> n.garbage(g.table()));
    RestateSnapshot s = scrape(cluster, TIMEOUT, 1, 2, 3);
    assertEquals(1, s.errors().size(), () -> s.errors().toString());
    SourceError error = s.errors().get(0);
    assertEquals("query " + g.table().table(), error.what());
    assertEquals(Reason.BAD_RESPONSE, error.reason());
    assertTrue(error.message().startsWith("ArrowFormatException: "), error.message());
    assertTrue(s.tablesRead());
    assertEquals(g.emptied().equals("nodes") ? List.of() : RecordedCluster.NODES, s.nodes());
    assertEquals(g.emptied().equals("logs") ? List.of()
        : g.emptied().equals("nodes") ? logsWithoutTolerance() : RecordedCluster.LOGS, s.logs());
    assertEquals(g.emptied().equals("partitions") ? List.of() : RecordedCluster.PARTITIONS, s.partitions());
    assertEquals(g.emptied().equals("replicas") ? List.of() : RecordedCluster.REPLICAS, s.replicas());
    ClusterConfig noSnapshots = new ClusterConfig(4, "{node: 2}", "{node: 2}", Map.of());
    assertEquals(g.emptied().equals("config") ? noSnapshots : RecordedCluster.CONFIG, s.config());
  }

  /** Without the nodes nobody knows which nodeset members can take writes. */
  private static List<Log> logsWithoutTolerance() {
    return RecordedCluster.LOGS.stream().map(l -> new Log(l.id(), l.trimPoint(), l.tailLsn(), l.sealed(),
        l.segments(), l.sequencer(), l.replication(), l.nodeset(), null)).toList();
  }

  @Test
  void nodeThatStoppedAnsweringKeepsItsNameOnTheNextTick() {
    try (RestateSource source = cluster.source(TIMEOUT, 1, 2, 3)) {
      source.scrape(NOW);
      cluster.node(2).down();
      RestateSnapshot s = source.scrape(NOW + 1000);
      assertEquals(List.of(new SourceError("N2 GetIdent", Reason.UNREACHABLE, "node did not answer"),
          new SourceError("N2 /metrics", Reason.UNREACHABLE, REFUSED)), s.errors());
      assertEquals(RecordedCluster.nodesWithProbe(2, Probe.UNREACHABLE), s.nodes());
    }
  }
}
