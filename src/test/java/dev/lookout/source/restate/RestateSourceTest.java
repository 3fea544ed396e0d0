package dev.lookout.source.restate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.Log;
import dev.lookout.model.Probe;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.model.SourceError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One tick against the recorded healthy cluster, served in-process; every field is checked. */
class RestateSourceTest {
  static final Duration TIMEOUT = Duration.ofSeconds(3);
  static final long NOW = 1_795_320_300_000L;

  private final FakeRestateCluster cluster = new FakeRestateCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  static RestateSnapshot scrape(FakeRestateCluster cluster, Duration timeout, int... ids) {
    try (RestateSource source = cluster.source(timeout, ids)) {
      return source.scrape(NOW);
    }
  }

  /** The one address all eight queries went to; the fake counts them per node. */
  static String servedQueries(FakeRestateCluster cluster) {
    List<FakeNode> served = cluster.nodes().stream().filter(n -> n.calls("Query") > 0).toList();
    assertEquals(1, served.size(), "queries should go to exactly one node");
    FakeNode node = served.get(0);
    assertEquals(Queries.ALL.size(), node.calls("Query"));
    assertEquals(1, node.calls("GetClusterConfiguration"));
    assertEquals(Recording.LOGS, node.calls("DescribeLog"));
    return node.address();
  }

  static Map<String, Long> samplesPerNode(RestateSnapshot s) {
    return s.samples().stream()
        .collect(Collectors.groupingBy(x -> x.label("node"), TreeMap::new, Collectors.counting()));
  }

  @Test
  void aSlowDescribeLogOfAnAnsweredLogDoesNotHoldUpTheTickAndCountsNextTick() throws Exception {
    try (RestateSource source = cluster.source(TIMEOUT, 1, 2, 3)) {
      Map<Integer, Long> before = trims(source.scrape(NOW));
      cluster.nodes().forEach(n -> n.slowDescribeLog(1_500, 1_000_000L));
      long start = System.nanoTime();
      RestateSnapshot slow = source.scrape(NOW + 10_000);
      assertTrue(System.nanoTime() - start < 1_000_000_000L, "the tick waited for DescribeLog");
      assertEquals(before, trims(slow), "meanwhile the last answers");
      Thread.sleep(1_700);
      assertTrue(trims(source.scrape(NOW + 20_000)).containsValue(1_000_000L),
          "the late answer counts on the next tick");
    }
  }

  private static Map<Integer, Long> trims(RestateSnapshot s) {
    return s.logs().stream().collect(Collectors.toMap(Log::id, Log::trimPoint));
  }

  @Test
  void everyEntityMatchesTheRecording() {
    RestateSnapshot s = scrape(cluster, TIMEOUT, 1, 2, 3);
    assertEquals(List.of(), s.errors());
    assertEquals(List.of(), s.warnings());
    assertEquals("demo", s.target());
    assertEquals(NOW, s.atMillis());
    assertTrue(s.tablesRead());
    assertEquals(servedQueries(cluster), s.queriedNode());
    assertEquals(RecordedCluster.NODES, s.nodes());
    assertEquals(RecordedCluster.LOGS, s.logs());
    assertEquals(RecordedCluster.PARTITIONS, s.partitions());
    assertEquals(RecordedCluster.REPLICAS, s.replicas());
    assertEquals(RecordedCluster.CONFIG, s.config());
  }

  @Test
  void derivedFiguresOfTheRecording() {
    RestateSnapshot s = scrape(cluster, TIMEOUT, 1, 2, 3);
    assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L),
        s.replicas().stream().map(Replica::lag).toList());
    assertEquals(List.of(2L, 2L, 3L, 3L), s.logs().stream().map(Log::retainedRecords).toList());
    assertEquals(List.of("N3:1", "N2:1", "N1:2"), s.nodes().stream().map(n -> n.genId()).toList());
    assertEquals(false, s.config().snapshotsEverywhere());
  }

  @Test
  void everyPageIsKeptAndLabelledWithItsNode() {
    RestateSnapshot s = scrape(cluster, TIMEOUT, 1, 2, 3);
    long each = RecordedCluster.SAMPLES_PER_PAGE;
    assertEquals(Map.of("N1", each, "N2", each, "N3", each), samplesPerNode(s));
    List<Sample> active = s.samples().stream()
        .filter(x -> x.name().equals("restate_num_active_partitions")).toList();
    assertEquals(List.of(
        new Sample("restate_num_active_partitions",
            Map.of("cluster_name", "demo", "node_name", "node-1", "node", "N1"), 3),
        new Sample("restate_num_active_partitions",
            Map.of("cluster_name", "demo", "node_name", "node-1", "node", "N2"), 3),
        new Sample("restate_num_active_partitions",
            Map.of("cluster_name", "demo", "node_name", "node-1", "node", "N3"), 3)), active);
  }

  @Test
  void malformedFamilyCostsOnlyThatFamilyOfThatNode() {
    String line = "restate_num_active_partitions{cluster_name=\"demo\",node_name=\"node-1\"} 3\n";
    String page = Recording.healthy().metricsPage;
    assertTrue(page.contains(line));
    cluster.node(2).metricsPage(page.replace(line, line.replace("} 3", "} 3x")));
    RestateSnapshot s = scrape(cluster, TIMEOUT, 1, 2, 3);
    assertEquals(List.of(new SourceError("N2 /metrics", SourceError.Reason.BAD_RESPONSE,
        "malformed family restate_num_active_partitions dropped")), s.errors());
    long each = RecordedCluster.SAMPLES_PER_PAGE;
    assertEquals(Map.of("N1", each, "N2", each - 1, "N3", each), samplesPerNode(s));
    assertEquals(RecordedCluster.NODES, s.nodes());
    assertEquals(RecordedCluster.REPLICAS, s.replicas());
  }

  @Test
  void nodesNamedByTheNodesTableAreProbedInTheSameTick() {
    RestateSnapshot s = scrape(cluster, TIMEOUT, 1);
    assertEquals(List.of(), s.errors());
    assertEquals(RecordedCluster.NODES, s.nodes());
    assertEquals(List.of(Probe.OK, Probe.OK, Probe.OK), s.nodes().stream().map(n -> n.probe()).toList());
    long each = RecordedCluster.SAMPLES_PER_PAGE;
    assertEquals(Map.of("N1", each, "N2", each, "N3", each), samplesPerNode(s));
    for (FakeNode node : cluster.nodes()) {
      assertEquals(1, node.calls("GetIdent"), "node " + node.id);
    }
  }

  @Test
  void discoveredNodesAreProbedFromTheStartOfTheNextTick() {
    try (RestateSource source = cluster.source(TIMEOUT, 1)) {
      RestateSnapshot first = source.scrape(NOW);
      RestateSnapshot second = source.scrape(NOW + 1000);
      assertEquals(first.nodes(), second.nodes());
      assertEquals(List.of(), second.errors());
      assertEquals(samplesPerNode(first), samplesPerNode(second));
    }
    for (FakeNode node : cluster.nodes()) {
      assertEquals(2, node.calls("GetIdent"), "node " + node.id);
    }
  }
}
