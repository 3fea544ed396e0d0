package dev.lookout.output.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.ClusterConfig;
import dev.lookout.model.Liveness;
import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Probe;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.StorageState;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's series follow the entities: present while they exist, gone when they vanish. */
class RestateGaugesTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MetricsPage metrics = new MetricsPage(registry);
  private final RestateGauges gauges = new RestateGauges(registry, metrics);

  private static Node node(int id, Liveness state, StorageState storage) {
    return new Node(id, 1, "node-" + id, "http://127.0.0.1:5122/", List.of("log-server"), state, storage,
        "active", "member", "1.7.12", Probe.OK, 10);
  }

  private static RestateSnapshot snapshot(String queried, List<Node> nodes, List<Replica> replicas) {
    Log log = new Log(0, 5L, 9L, false, 1, "N1:1", "{node: 2}", List.of(1, 2), 0);
    Partition partition = new Partition(0, 0, 1, 1L, List.of(1, 2));
    return new RestateSnapshot("restate", 0, queried, nodes, List.of(log), List.of(partition), replicas,
        ClusterConfig.UNKNOWN, List.of(), List.of(), List.of());
  }

  private static Replica replica(int partition, int node, Long applied) {
    return new Replica(partition, node, "follower", "Follower", "active", applied, 0L, null, 10L, null, 0L);
  }

  @Test
  void vanishedEntitiesLoseTheirSeries() {
    gauges.update(snapshot("n1", List.of(node(1, Liveness.ALIVE, StorageState.READ_WRITE),
        node(2, Liveness.DEAD, StorageState.DATA_LOSS)), List.of(replica(0, 1, 7L), replica(0, 2, 3L))));
    String page = metrics.text();
    assertTrue(page.contains("lookout_restate_node_up{name=\"node-2\",node=\"N2\"} 0.0"), page);
    assertTrue(page.contains("lookout_restate_node_storage_state{name=\"node-2\",node=\"N2\",state=\"data-loss\"} 1.0"));
    assertTrue(page.contains("lookout_restate_replica_trim_distance{node=\"N2\",partition=\"0\"} -2.0"));

    gauges.update(snapshot("n1", List.of(node(1, Liveness.ALIVE, StorageState.READ_WRITE)),
        List.of(replica(0, 1, 7L))));
    page = metrics.text();
    assertFalse(page.contains("node=\"N2\""), page);
    assertTrue(page.contains("lookout_restate_node_up{name=\"node-1\",node=\"N1\"} 1.0"));
  }

  @Test
  void anUnknownValueHasNoSeries() {
    gauges.update(snapshot("n1", List.of(node(1, Liveness.ALIVE, StorageState.READ_WRITE)),
        List.of(replica(3, 1, null))));
    String page = metrics.text();
    assertFalse(page.contains("lookout_restate_replica_applied_lsn{"), page);
    assertTrue(page.contains("lookout_restate_replica_durable_lsn{node=\"N1\",partition=\"3\"} 0.0"));
  }

  @Test
  void seriesCarryTheRegistrysCommonTagsAndARowListedTwiceIsOneSeries() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CompositeMeterRegistry all = new CompositeMeterRegistry();
    all.add(prometheus);
    all.config().commonTags("cluster", "c1");
    MetricsPage withClusterPage = new MetricsPage(prometheus);
    RestateGauges withCluster = new RestateGauges(all, withClusterPage);
    withCluster.update(snapshot("n1", List.of(node(1, Liveness.ALIVE, StorageState.READ_WRITE)),
        List.of(replica(0, 1, 7L), replica(0, 1, 8L))));
    String page = withClusterPage.text();
    assertTrue(page.contains("lookout_restate_node_up{cluster=\"c1\",name=\"node-1\",node=\"N1\"} 1.0"), page);
    assertEquals(1, page.lines().filter(l -> l.startsWith("lookout_restate_replica_applied_lsn{")).count(), page);
    assertTrue(page.contains("lookout_restate_replica_applied_lsn{cluster=\"c1\",node=\"N1\",partition=\"0\"} 7.0"));
    assertTrue(page.contains("lookout_model_series{cluster=\"c1\",kind=\"restate\"}"), page);
  }

  @Test
  void aTickThatCouldNotReadTheClusterKeepsTheLastModel() {
    gauges.update(snapshot("n1", List.of(node(1, Liveness.ALIVE, StorageState.READ_WRITE)), List.of()));
    gauges.update(snapshot(null, List.of(), List.of()));
    assertTrue(metrics.text().contains("lookout_restate_node_up{name=\"node-1\",node=\"N1\"} 1.0"));
  }

  @Test
  void labelValuesAreEscapedAndPromtoolFindsNothingWrongWithThePage() throws Exception {
    Node odd = new Node(1, 1, "say \"hi\"\\ näme\nnext", "http://127.0.0.1:5122/", List.of("log-server"),
        Liveness.ALIVE, StorageState.READ_WRITE, "active", "member", "1.7.12", Probe.OK, 10);
    gauges.update(snapshot("n1", List.of(odd), List.of(replica(0, 1, 7L), replica(0, 1, 8L))));
    String page = metrics.text();
    assertTrue(page.contains("lookout_restate_node_up{name=\"say \\\"hi\\\"\\\\ näme\\nnext\",node=\"N1\"} 1.0\n"),
        page);
    Path file = Files.createTempFile("lookout-metrics", ".txt");
    Files.write(file, metrics.render());
    Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile())
        .redirectErrorStream(true).start();
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, promtool.waitFor(), "promtool check metrics says:\n" + output);
    Files.delete(file);
  }
}
