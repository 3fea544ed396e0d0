package dev.lookout.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.app.Agent;
import dev.lookout.config.Alerting;
import dev.lookout.config.Config;
import dev.lookout.config.Listen;
import dev.lookout.config.NatsTarget;
import dev.lookout.config.RestateTarget;
import dev.lookout.source.nats.NatsTestCluster;
import dev.lookout.config.Scrape;
import dev.lookout.demo.LocalCluster;
import dev.lookout.demo.RestateDistribution;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus scrapes a real agent watching a real 3-node Restate cluster, and every panel
 * query of every dashboard, run through Prometheus' HTTP API, returns data.
 *
 * <p>The rule for dashboard authors: every query must return at least one series on a healthy
 * cluster. Panels that only have something to show during a fault (alerts firing, dead nodes,
 * trim gaps, ...) are written to return 0-valued series when all is well, e.g.
 * {@code sum(lookout_alerts{...}) or vector(0)} or {@code count(x == 0) or vector(0)}, so that
 * an empty panel always means a broken query, never "no problem".
 */
@Tag("e2e")
class DashboardQueriesE2ETest {
  private static final int BASE_PORT = 19100;
  private static final int NATS_BASE = 14722;
  private static final String CLUSTER = "grafana-e2e";
  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Path dir;
  private static LocalCluster cluster;
  private static NatsTestCluster nats;
  private static Agent agent;
  private static int agentPort;
  private static Process prometheus;
  private static int prometheusPort;

  @BeforeAll
  static void startClusterAgentAndPrometheus() throws Exception {
    dir = Files.createTempDirectory("lookout-grafana-e2e");
    cluster = LocalCluster.start(RestateDistribution.ensureInstalled(), dir.resolve("restate"), 3, BASE_PORT);
    cluster.awaitReady(Duration.ofSeconds(90));
    // The NATS dashboard needs a JetStream cluster with a replicated stream to show.
    java.nio.file.Files.createDirectories(dir.resolve("nats"));
    nats = NatsTestCluster.start(dir.resolve("nats"), NATS_BASE);
    nats.createStream("ORDERS", 3);
    nats.publish("orders.new", 20);
    Config config = new Config(CLUSTER, new Listen("127.0.0.1", 0), new Scrape(INTERVAL, Duration.ofSeconds(1)),
        dir.resolve("state"), "https://runbooks.e2e",
        List.of(new RestateTarget("restate", List.of(cluster.address(1))),
            new NatsTarget("nats", new java.util.ArrayList<>(nats.monitorUrls().values()))),
        List.of(Path.of("rules/restate.yaml").toAbsolutePath(), Path.of("rules/nats.yaml").toAbsolutePath()),
        Alerting.DEFAULT);
    agent = new Agent(config, InstantSource.system());
    agentPort = agent.start();
    awaitTrue("agent ready", Duration.ofSeconds(20), () -> status(agentPort, "/-/ready") == 200);
    // The agent runs in this JVM: a collection makes Micrometer register jvm_gc_pause_seconds,
    // which a long-running agent always has but a seconds-old one may not yet.
    System.gc();

    prometheusPort = freePort();
    Path yml = dir.resolve("prometheus.yml");
    Files.writeString(yml, """
        global:
          scrape_interval: 2s
          scrape_timeout: 1s
          evaluation_interval: 2s
        scrape_configs:
          - job_name: lookout
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """.formatted(agentPort));
    prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + yml,
        "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort,
        "--log.level=warn")
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    Process started = prometheus;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "lookout-e2e-prometheus-reaper"));
    awaitTrue("prometheus ready", Duration.ofSeconds(30), () -> status(prometheusPort, "/-/ready") == 200);
    // A few scrapes: enough samples for rate() over 30s and for every series to be present.
    awaitTrue("prometheus scraped the agent 8 times", Duration.ofSeconds(60), () -> {
      JsonNode r = query("count_over_time(lookout_target_up{cluster=\"" + CLUSTER + "\"}[5m])");
      return r.size() > 0 && r.get(0).get("value").get(1).asDouble() >= 8;
    });
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
    if (agent != null) {
      agent.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (nats != null) {
      nats.close();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void clusterVariableResolvesToTheWatchedCluster() throws Exception {
    // label_values(lookout_target_up, cluster), as Grafana asks Prometheus for it.
    JsonNode body = get(prometheusPort, "/api/v1/label/cluster/values?match[]="
        + URLEncoder.encode("lookout_target_up", StandardCharsets.UTF_8));
    assertEquals("success", body.path("status").asText(), body.toString());
    assertEquals(List.of(CLUSTER), Dashboards.JSON.convertValue(body.get("data"), List.class));
  }

  @Test
  void everyPanelQueryOfEveryDashboardReturnsData() throws Exception {
    List<Dashboards.Target> targets = Dashboards.allTargets();
    assertTrue(targets.size() > 50, "targets found: " + targets.size());
    List<String> failures = new ArrayList<>();
    for (Dashboards.Target t : targets) {
      String promql = Dashboards.substitute(t.expr(), CLUSTER);
      if (promql.contains("$")) {
        failures.add("unsubstituted variable: " + t);
        continue;
      }
      String problem = problem(promql);
      if (problem != null) {
        failures.add(problem + ": " + t);
      }
    }
    assertEquals(List.of(), failures, "page the agent served: " + metricsPage());
  }

  /** The check has teeth: a query of another cluster, or a malformed one, is reported. */
  @Test
  void queriesWithoutDataAreReported() throws Exception {
    assertEquals("no data", problem("lookout_restate_node_up{cluster=\"not-" + CLUSTER + "\"}"));
    assertTrue(problem("sum by (node (lookout_restate_node_up)").startsWith("bad_data"),
        problem("sum by (node (lookout_restate_node_up)"));
  }

  /** Null if Prometheus answers the instant query with at least one series, else what went wrong. */
  private static String problem(String promql) throws Exception {
    JsonNode body = get(prometheusPort, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    if (!"success".equals(body.path("status").asText())) {
      return body.path("errorType").asText() + " " + body.path("error").asText();
    }
    return body.path("data").path("result").isEmpty() ? "no data" : null;
  }

  private static String metricsPage() {
    try {
      String page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agentPort + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Path out = Path.of("target/grafana-e2e-metrics.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, page);
      return "written to " + out.toAbsolutePath();
    } catch (Exception e) {
      return "unreadable: " + e;
    }
  }

  private static JsonNode query(String promql) {
    try {
      JsonNode body = get(prometheusPort, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
      assertFalse(body.isMissingNode());
      return body.path("data").path("result");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode get(int port, String pathAndQuery) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return Dashboards.JSON.readTree(r.body());
  }

  private static int status(int port, String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void awaitTrue(String what, Duration within, BooleanSupplier condition) {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      if (prometheus != null && !prometheus.isAlive()) {
        throw new AssertionError("prometheus exited with " + prometheus.exitValue() + "; see " + dir.resolve("prometheus.log"));
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
  }
}
