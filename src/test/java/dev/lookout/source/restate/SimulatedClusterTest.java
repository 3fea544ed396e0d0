package dev.lookout.source.restate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulator answers like the recorded real cluster, so figures measured on it mean something. */
class SimulatedClusterTest {
  /** The recorded cluster's own shape: 3 nodes, 4 partitions replicated twice, 4 logs. */
  private static final ClusterShape RECORDED = ClusterShape.of(3, 4, 2);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @ParameterizedTest
  @EnumSource(Queries.class)
  void everyTableDeclaresTheRecordedSchemaFieldByField(Queries q) {
    ArrowSchemaFacts recorded = ArrowSchemaFacts.of(Recording.healthy().tables.get(q));
    ArrowSchemaFacts simulated = ArrowSchemaFacts.of(SimulatedTables.of(RECORDED).get(q));
    assertEquals(recorded.fields.size(), simulated.fields.size(), q + ": field count");
    for (int i = 0; i < recorded.fields.size(); i++) {
      assertEquals(recorded.fields.get(i), simulated.fields.get(i), q + ": field " + i);
    }
    assertEquals(recorded.layout, simulated.layout, q + ": stream layout");
  }

  @ParameterizedTest
  @EnumSource(Queries.class)
  void tablesHaveTheRowsOfTheirShape(Queries q) {
    ClusterShape shape = ClusterShape.of(5, 10_000, 3);
    ArrowSchemaFacts t = ArrowSchemaFacts.of(SimulatedTables.of(shape).get(q));
    long expected = switch (q) {
      case NODES -> 5;
      case PARTITION_STATE, REPLICA_SET -> 30_000;
      case PARTITIONS, TAIL_SEGMENTS -> 10_000;
      case LOGS -> 15_000;
      case LOGLET_WORKERS -> 4 * 15_000;
      case CONFIG -> 10;
    };
    assertEquals(expected, t.rows);
    if (q == Queries.PARTITION_STATE) {
      assertEquals(4, t.batches, "at most 8,192 rows per batch");
    }
  }

  @Test
  void theAgentsModelOfASimulated3NodeClusterHasTheRecordedShape() {
    RestateSnapshot recorded;
    try (FakeRestateCluster real = new FakeRestateCluster(); RestateSource s = real.source(TIMEOUT, 1)) {
      recorded = s.scrape(0);
    }
    RestateSnapshot simulated = scrape(RECORDED);
    assertEquals(List.of(), simulated.errors());
    assertEquals(List.of(), simulated.warnings());
    assertEquals(shapeOf(recorded.nodes(), Node.class), shapeOf(simulated.nodes(), Node.class));
    assertEquals(shapeOf(recorded.logs(), Log.class), shapeOf(simulated.logs(), Log.class));
    assertEquals(shapeOf(recorded.partitions(), Partition.class),
        shapeOf(simulated.partitions(), Partition.class));
    assertEquals(shapeOf(recorded.replicas(), Replica.class), shapeOf(simulated.replicas(), Replica.class));
    Map<String, Long> recordedPage = sampleShape(recorded.samples());
    Map<String, Long> simulatedPage = sampleShape(simulated.samples());
    // The recorded node-1 once hosted partition 2 too (a start and a stop); a simulated node
    // starts each partition it hosts once and never stopped one.
    recordedPage.remove("restate_partition_stop_total[cluster_name, node, node_name, partition, type]");
    recordedPage.put("restate_partition_start_total[cluster_name, node, node_name, partition]", 3L);
    assertEquals(recordedPage, simulatedPage);
    assertEquals(recorded.config(), simulated.config());
  }

  @Test
  void aLargerClusterIsReadWhole() {
    ClusterShape shape = ClusterShape.of(16, 256, 3);
    RestateSnapshot s = scrape(shape);
    assertEquals(List.of(), s.errors());
    assertEquals(16, s.nodes().size());
    assertTrue(s.nodes().stream().allMatch(n -> n.probe() == dev.lookout.model.Probe.OK), "all probed");
    assertEquals(256, s.logs().size());
    assertEquals(768, s.replicas().size());
    for (Log log : s.logs()) {
      assertEquals(SimulatedTables.tailLsn(log.id()), log.tailLsn());
      assertEquals(0L, log.trimPoint());
      assertEquals(1 + log.id() % 2, log.segments());
    }
    assertTrue(s.partitions().stream().allMatch(p -> p.replicaSet().size() == 3));
    Map<String, Long> starts = s.samples().stream()
        .filter(x -> x.name().equals("restate_partition_start_total"))
        .collect(Collectors.groupingBy(x -> x.labels().get("node"), Collectors.counting()));
    assertEquals(16, starts.size());
    assertTrue(starts.values().stream().allMatch(n -> n == 48), starts.toString());
  }

  @Test
  void aHungNodeOfTheSimulatorCostsOnlyItsOwnReads() {
    RestateSnapshot s = tickWithNode3Hung(Duration.ofMillis(500)).snapshot();
    assertTrue(s.tablesRead());
    assertEquals(dev.lookout.model.Probe.TIMEOUT, s.node(3).probe());
    assertEquals(48, s.replicas().size());
  }

  @Test
  void aHungNodeIsReportedAfterASecondWithoutWaitingForTheWholeTimeout() {
    HungTick tick = tickWithNode3Hung(Duration.ofSeconds(10));
    RestateSnapshot s = tick.snapshot();
    assertTrue(tick.millis() >= 1_000 && tick.millis() < 5_000, "tick took " + tick.millis() + " ms");
    assertTrue(s.tablesRead());
    assertEquals(dev.lookout.model.Probe.TIMEOUT, s.node(3).probe());
    assertEquals(dev.lookout.model.Probe.OK, s.node(1).probe());
    assertEquals(3, s.samples().stream().map(x -> x.label("node")).distinct().count(),
        "the answering nodes' pages are all read");
  }

  private record HungTick(RestateSnapshot snapshot, long millis) {}

  /** A 4-node cluster read once, then again with node 3 hung: the second read and its time. */
  private static HungTick tickWithNode3Hung(Duration timeout) {
    try (SimulatedCluster cluster = new SimulatedCluster(ClusterShape.of(4, 16, 3));
        RestateSource source = cluster.source("sim", timeout)) {
      source.scrape(0);
      cluster.hang(3);
      long started = System.nanoTime();
      RestateSnapshot s = source.scrape(1);
      return new HungTick(s, (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static RestateSnapshot scrape(ClusterShape shape) {
    try (SimulatedCluster cluster = new SimulatedCluster(shape);
        RestateSource source = cluster.source("sim", TIMEOUT)) {
      source.scrape(0); // the first tick learns the nodes; the second probes them all from the start
      return source.scrape(1);
    }
  }

  /** Per record component, which values are null: counts of null and non-null rows. */
  private static <T extends Record> Map<String, String> shapeOf(List<T> rows, Class<T> type) {
    Map<String, String> shape = new TreeMap<>();
    shape.put("rows", Integer.toString(rows.size()));
    for (RecordComponent c : type.getRecordComponents()) {
      List<Object> values = new ArrayList<>();
      for (T row : rows) {
        values.add(value(c, row));
      }
      long nulls = values.stream().filter(v -> v == null).count();
      Function<Object, String> kind = v -> v == null ? "null" : v.getClass().getSimpleName();
      shape.put(c.getName(), nulls + " null, kinds " + new TreeSet<>(values.stream().map(kind).toList()));
    }
    return shape;
  }

  private static Object value(RecordComponent c, Object row) {
    try {
      return c.getAccessor().invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sample names and label names per node page, without values or partition numbers. */
  private static Map<String, Long> sampleShape(List<Sample> samples) {
    return samples.stream().filter(s -> s.labels().get("node").equals("N1"))
        .collect(Collectors.groupingBy(s -> s.name() + new TreeSet<>(s.labels().keySet()),
            TreeMap::new, Collectors.counting()));
  }
}
