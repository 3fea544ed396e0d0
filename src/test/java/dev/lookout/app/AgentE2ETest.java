package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.config.Alerting;
import dev.lookout.config.Config;
import dev.lookout.config.Listen;
import dev.lookout.config.Receiver;
import dev.lookout.config.RestateTarget;
import dev.lookout.config.Scrape;
import dev.lookout.demo.LocalCluster;
import dev.lookout.demo.RestateDistribution;
import dev.lookout.model.Log;
import dev.lookout.output.notify.AlertmanagerProcess;
import dev.lookout.output.notify.HookServer;
import dev.lookout.model.Node;
import dev.lookout.model.Probe;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against a real 3-node Restate cluster on loopback. Faults are applied in order to one
 * cluster; the agent is configured with node 1's address only, so the last test (node 1 killed)
 * also proves it fails over to the nodes it discovered.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentE2ETest {
  private static final int BASE_PORT = 17100;
  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final String RUNBOOKS = "https://runbooks.e2e";

  /** Removed after the class: a 3-node cluster leaves ~650 MB of data. */
  @TempDir
  static Path dir;

  private static LocalCluster cluster;
  private static HookServer hook;
  private static AlertmanagerProcess alertmanager;
  private static Agent agent;
  private static int port;

  @BeforeAll
  static void startClusterAndAgent() throws Exception {
    cluster = LocalCluster.start(RestateDistribution.ensureInstalled(), dir, 3, BASE_PORT);
    cluster.awaitReady(Duration.ofSeconds(90));
    hook = new HookServer();
    int amPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      amPort = s.getLocalPort();
    }
    alertmanager = new AlertmanagerProcess(dir.resolve("alertmanager"), amPort, hook.url("/hook"));
    alertmanager.start();
    Config config = new Config("e2e", new Listen("127.0.0.1", 0), new Scrape(INTERVAL, TIMEOUT),
        dir.resolve("state"), RUNBOOKS, List.of(new RestateTarget("restate", List.of(cluster.address(1)))),
        List.of(Path.of("rules/restate.yaml").toAbsolutePath()), new Alerting(Duration.ofMinutes(1),
            List.of(new Receiver(java.net.URI.create(alertmanager.url()))), List.of()));
    agent = new Agent(config, InstantSource.system());
    port = agent.start();
    awaitTrue("first complete tick", Duration.ofSeconds(10), () -> agent.ready()
        && latest().nodes().size() == 3 && latest().nodes().stream().allMatch(n -> n.probe() == Probe.OK));
  }

  @AfterAll
  static void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (alertmanager != null) {
      alertmanager.close();
    }
    if (hook != null) {
      hook.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static RestateSnapshot latest() {
    return (RestateSnapshot) agent.snapshots().get(0);
  }

  @Test
  @Order(1)
  void modelEqualsWhatRestatectlPrints() {
    RestateSnapshot s = latest();
    Set<String> expectedNodes = new TreeSet<>();
    for (JsonNode row : cluster.sql("select gen_node_id, state, storage_state from nodes")) {
      expectedNodes.add(row.get("gen_node_id").asText() + " " + row.get("state").asText()
          + " " + row.get("storage_state").asText());
    }
    Set<String> actualNodes = new TreeSet<>();
    for (Node n : s.nodes()) {
      actualNodes.add(n.genId() + " " + n.state().wireName() + " " + n.storageState().wireName());
    }
    assertEquals(expectedNodes, actualNodes, () -> "errors: " + s.errors());

    Set<String> expectedReplicas = new TreeSet<>();
    for (JsonNode row : cluster.sql("select partition_id, plain_node_id, applied_log_lsn from partition_state")) {
      expectedReplicas.add(row.get("partition_id").asText() + "@" + row.get("plain_node_id").asText()
          + "=" + row.get("applied_log_lsn").asText());
    }
    Set<String> actualReplicas = new TreeSet<>();
    for (Replica r : s.replicas()) {
      actualReplicas.add(r.partition() + "@N" + r.node() + "=" + r.appliedLsn());
    }
    assertEquals(expectedReplicas, actualReplicas);
    assertEquals(restatectlTrimPoints(), trimPoints(s));
  }

  /** Trim points as restatectl's tables show them: loglet offsets turned into log LSNs. */
  private static Map<Integer, Long> restatectlTrimPoints() {
    Map<String, Long> base = new HashMap<>();
    for (JsonNode row : cluster.sql("select log_id, segment_index, base_lsn from logs")) {
      base.put(row.get("log_id").asText() + "_" + row.get("segment_index").asText(), row.get("base_lsn").asLong());
    }
    Map<Integer, Long> trims = new HashMap<>();
    for (JsonNode row : cluster.sql("select log_id, segment_index, trim_point from loglet_workers")) {
      long offset = row.get("trim_point").asLong();
      Long segmentBase = base.get(row.get("log_id").asText() + "_" + row.get("segment_index").asText());
      if (offset > 0 && segmentBase != null) {
        trims.merge(row.get("log_id").asInt(), segmentBase + offset - 1, Math::max);
      }
    }
    return trims;
  }

  private static Map<Integer, Long> trimPoints(RestateSnapshot s) {
    Map<Integer, Long> trims = new HashMap<>();
    for (Log l : s.logs()) {
      if (l.trimPoint() != null && l.trimPoint() > 0) {
        trims.put(l.id(), l.trimPoint());
      }
    }
    return trims;
  }

  @Test
  @Order(1)
  void promtoolFindsNothingWrongWithTheMetricsPage() throws Exception {
    Path page = Files.createTempFile("lookout-metrics", ".txt");
    Files.writeString(page, MetricsText.get(port, "/metrics").body());
    Process promtool = new ProcessBuilder("promtool", "check", "metrics")
        .redirectInput(page.toFile()).redirectErrorStream(true).start();
    String output = new String(promtool.getInputStream().readAllBytes());
    assertEquals(0, promtool.waitFor(), "promtool check metrics says:\n" + output);
    assertEquals("", output.strip());
  }

  @Test
  @Order(2)
  void trimmedLogShowsItsNewTrimPoint() throws Exception {
    Log log0 = latest().log(0);
    assertNotNull(log0.tailLsn(), "log 0 tail");
    long trimTo = log0.tailLsn() - 1; // the last record written
    assertTrue(cluster.restatectl("logs", "trim", "0", "--trim-point", Long.toString(trimTo)).ok());
    awaitTrue("trim point " + trimTo + " in /metrics", INTERVAL.multipliedBy(3), () ->
        Double.valueOf(trimTo).equals(metric("lookout_restate_log_trim_point", "log=\"0\"")));
    assertEquals(restatectlTrimPoints().get(0), trimTo);
  }

  /**
   * The fault from the brief: a follower whose store is behind the trim point restarts. Its
   * partition processor cannot start; Restate only logs it and retries.
   */
  @Test
  @Order(3)
  void trimGapFiresWhileRestateOnlyLogs() throws Exception {
    RestateSnapshot s = latest();
    Replica follower = s.replicas().stream().filter(r -> r.partition() == 0 && !r.isLeader())
        .findFirst().orElseThrow();
    Long trim = s.logOf(follower).trimPoint();
    assertTrue(follower.durableLsn() < trim, "durable " + follower.durableLsn() + ", trim " + trim);
    int node = numberOf(follower.node());
    long restarted = System.nanoTime();
    cluster.kill(node);
    cluster.restart(node);
    JsonNode alert = awaitAlert("RestateTrimGapNoSnapshotRepository", "N" + follower.node(),
        Duration.ofSeconds(75));
    System.out.printf("e2e: trim gap alert firing %d ms after the restart%n",
        (System.nanoTime() - restarted) / 1_000_000);
    assertEquals("0", alert.get("labels").get("partition").asText());
    assertEquals(RUNBOOKS + "/RestateTrimGapNoSnapshotRepository.md",
        alert.get("annotations").get("runbook_url").asText());
    assertTrue(Files.readString(cluster.logFile(node)).contains("log gap"), "Restate logged the gap");
  }

  @Test
  @Order(4)
  void nodeForcedToDataLossShowsItsStorageState() throws Exception {
    long forced = System.nanoTime();
    assertTrue(cluster.restatectl("nodes", "set-storage-state", "--nodes", "3",
        "--storage-state", "data-loss", "--force").ok());
    awaitTrue("N3 data-loss in /metrics", INTERVAL.multipliedBy(3), () -> Double.valueOf(1).equals(
        metric("lookout_restate_node_storage_state", "node=\"N3\"", "state=\"data-loss\"")));
    JsonNode alert = awaitAlert("RestateLogServerDataLoss", "N3", INTERVAL.multipliedBy(3));
    System.out.printf("e2e: data-loss alert firing %d ms after the change%n",
        (System.nanoTime() - forced) / 1_000_000);
    assertEquals(RUNBOOKS + "/RestateLogServerDataLoss.md", alert.get("annotations").get("runbook_url").asText());
    assertEquals("critical", alert.get("labels").get("severity").asText());
    awaitWebhook("RestateLogServerDataLoss", Duration.ofSeconds(20));
    System.out.printf("e2e: data-loss alert at the webhook behind Alertmanager %d ms after the change%n",
        (System.nanoTime() - forced) / 1_000_000);
    assertEquals(0.0, metric("lookout_restate_node_storage_state", "node=\"N3\"", "state=\"read-write\""));
    assertTrue(cluster.restatectl("nodes", "set-storage-state", "--nodes", "3",
        "--storage-state", "read-write", "--force").ok());
  }

  @Test
  @Order(5)
  void hungNodeIsMarkedAndTheTickStaysWithinTheTimeout() throws Exception {
    int id = idOf(2);
    cluster.pause(2);
    try {
      awaitTrue("node-2 probe timed out", INTERVAL.multipliedBy(3),
          () -> latest().node(id) != null && latest().node(id).probe() == Probe.TIMEOUT);
      Double seconds = metric("lookout_scrape_duration_seconds", "target=\"restate\"");
      assertTrue(seconds < TIMEOUT.toMillis() / 1000.0 + 0.5, "tick took " + seconds + " s");
      assertEquals(0.0, metric("lookout_restate_node_reachable", "node=\"N" + id + "\""));
    } finally {
      cluster.resume(2);
    }
    awaitTrue("node-2 answers again", INTERVAL.multipliedBy(5), () -> latest().node(id).probe() == Probe.OK);
  }

  @Test
  @Order(6)
  void killedConfiguredNodeShowsDeadWithinTwoIntervals() throws Exception {
    int id = idOf(1);
    cluster.kill(1);
    long killed = System.nanoTime();
    awaitTrue("node-1 dead in /metrics", INTERVAL.multipliedBy(2).plus(TIMEOUT), () ->
        Double.valueOf(0).equals(metric("lookout_restate_node_up", "node=\"N" + id + "\"")));
    System.out.printf("e2e: killed node shown dead after %d ms%n", (System.nanoTime() - killed) / 1_000_000);
    awaitAlert("RestateNodeDead", "N" + id, Duration.ofSeconds(30).plus(INTERVAL.multipliedBy(3)));
    System.out.printf("e2e: dead-node alert firing %d ms after the kill (for: 30s)%n",
        (System.nanoTime() - killed) / 1_000_000);
    assertEquals(1.0, metric("lookout_target_up", "target=\"restate\""));
    assertTrue(latest().queriedNode().endsWith(":" + cluster.address(2).getPort())
        || latest().queriedNode().endsWith(":" + cluster.address(3).getPort()), latest().queriedNode());
  }

  /** Waits until Alertmanager forwards a notification naming the alert to the test's webhook. */
  private static void awaitWebhook(String alertname, Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      HookServer.Call call = hook.next(Duration.ofMillis(Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      if (call != null && call.body().contains("\"" + alertname + "\"")) {
        return;
      }
    }
    throw new AssertionError(alertname + " did not reach the webhook within " + within.toMillis() + " ms");
  }

  /** The launcher's number (node-N) of a plain node id. */
  private static int numberOf(int id) {
    return Integer.parseInt(latest().node(id).name().substring("node-".length()));
  }

  /** Waits for a firing alert of that name on that node, through the agent's HTTP API. */
  private static JsonNode awaitAlert(String alertname, String node, Duration within) {
    JsonNode[] found = new JsonNode[1];
    awaitTrue(alertname + " firing on " + node, within, () -> {
      try {
        JsonNode alerts = new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(MetricsText.get(port, "/api/v1/alerts").body()).get("data").get("alerts");
        for (JsonNode a : alerts) {
          if (a.get("labels").get("alertname").asText().equals(alertname)
              && node.equals(a.get("labels").path("node").asText()) && a.get("state").asText().equals("firing")) {
            found[0] = a;
            return true;
          }
        }
        return false;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return found[0];
  }

  /** Plain ids are handed out in join order, not by name: map the launcher's node number. */
  private static int idOf(int node) {
    String name = cluster.nodeName(node);
    return latest().nodes().stream().filter(n -> n.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no node named " + name)).id();
  }

  private static Double metric(String name, String... labels) {
    try {
      return MetricsText.value(MetricsText.get(port, "/metrics").body(), name, labels);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void awaitTrue(String what, Duration within, BooleanSupplier condition) {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("not within " + within.toMillis() + " ms: " + what
        + (agent != null && !agent.snapshots().isEmpty() ? "; last errors: " + latest().errors() : ""));
  }
}
