package dev.lookout.output.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import dev.lookout.alerts.Alert;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoints over real HTTP on a free loopback port, fed by lambdas. */
class HttpServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final HealthCheck PASS = HealthCheck.pass("restate:nodes-alive");
  private static final HealthCheck FAIL = new HealthCheck("restate:log-storage", false, "N3 storage is data-loss");

  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private final AtomicReference<List<HealthCheck>> checks = new AtomicReference<>(List.of(PASS));
  private final AtomicReference<String> reloadProblems = new AtomicReference<>("");
  private static final Alert ALERT = Alert.pending(Map.of("alertname", "RestateNodeDead", "node", "N2",
      "severity", "critical"), Map.of("runbook_url", "https://rb/RestateNodeDead.md"),
      Instant.parse("2026-11-22T04:00:00Z"));
  private HttpServer server;
  private int port;

  @BeforeEach
  void start() {
    server = new HttpServer("127.0.0.1", 0, new HttpServer.Views(healthy::get, ready::get, checks::get,
        List::of, () -> List.of(new TargetStatus("restate", "restate", true, "2026-11-22T04:00:00Z", 0.05,
            List.of(), "2026-11-22T04:00:00Z")), out -> out.write("lookout_target_up{target=\"restate\"} 1.0\n".getBytes(StandardCharsets.UTF_8)), () -> List.of(ALERT), List::of, reloadProblems::get,
        name -> name.equals("X.md") ? "# X\n" : null), InstantSource.fixed(Instant.parse("2026-11-22T04:05:00Z")));
    port = server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesFollowTheAgentNotTheCluster() throws Exception {
    checks.set(List.of(FAIL));
    assertEquals(200, get("/-/healthy").statusCode());
    assertEquals(503, get("/-/ready").statusCode());
    ready.set(true);
    assertEquals("Lookout is ready.\n", get("/-/ready").body());
    healthy.set(false);
    assertEquals(503, get("/-/healthy").statusCode());
    assertEquals("Lookout is not healthy.\n", get("/-/healthy").body());
  }

  @Test
  void healthIsTheClusterVerdictAsJson() throws Exception {
    HttpResponse<String> ok = get("/health");
    assertEquals(200, ok.statusCode());
    assertEquals("ok", new ObjectMapper().readTree(ok.body()).get("status").asText());
    checks.set(List.of(PASS, FAIL));
    HttpResponse<String> failing = get("/health");
    assertEquals(503, failing.statusCode());
    JsonNode body = new ObjectMapper().readTree(failing.body());
    assertEquals("failing", body.get("status").asText());
    assertEquals("N3 storage is data-loss", body.get("checks").get(1).get("detail").asText());
  }

  @Test
  void verboseHealthListsEveryCheck() throws Exception {
    checks.set(List.of(PASS, FAIL));
    HttpResponse<String> r = get("/health?verbose");
    assertEquals(503, r.statusCode());
    assertEquals("[+]restate:nodes-alive ok\n[-]restate:log-storage failed: N3 storage is data-loss\n"
        + "health check failed\n", r.body());
  }

  @Test
  void metricsAreServedAsPrometheusText() throws Exception {
    HttpResponse<String> r = get("/metrics");
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    assertEquals("lookout_target_up{target=\"restate\"} 1.0\n", r.body());
  }

  @Test
  void alertsAreListedInPrometheusShape() throws Exception {
    JsonNode body = new ObjectMapper().readTree(get("/api/v1/alerts").body());
    assertEquals("success", body.get("status").asText());
    JsonNode alert = body.get("data").get("alerts").get(0);
    assertEquals("N2", alert.get("labels").get("node").asText());
    assertEquals("pending", alert.get("state").asText());
    assertEquals("2026-11-22T04:00:00Z", alert.get("activeAt").asText());
    assertEquals("https://rb/RestateNodeDead.md", alert.get("annotations").get("runbook_url").asText());
  }

  @Test
  void reloadSaysWhetherTheRulesLoaded() throws Exception {
    HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/reload"))
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    assertEquals(200, HTTP.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
    reloadProblems.set("rules.yaml:5:15: unknown scope");
    HttpResponse<String> failed = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
    assertEquals(500, failed.statusCode());
    assertEquals("failed to reload rules; the previous rules stay in use:\nrules.yaml:5:15: unknown scope\n",
        failed.body());
  }

  @Test
  void runbooksAreServedByName() throws Exception {
    assertEquals("# X\n", get("/runbooks/X.md").body());
    assertEquals(404, get("/runbooks/Y.md").statusCode());
    assertEquals(404, get("/runbooks/..%2F..%2Fetc%2Fpasswd").statusCode());
  }

  @Test
  void targetsAreListed() throws Exception {
    JsonNode targets = new ObjectMapper().readTree(get("/api/v1/targets").body());
    assertEquals("restate", targets.get(0).get("name").asText());
    assertTrue(targets.get(0).get("up").asBoolean());
  }

  @Test
  void statusPageIsServedAsHtml() throws Exception {
    checks.set(List.of(PASS, FAIL));
    HttpResponse<String> r = get("/");
    assertEquals(200, r.statusCode());
    assertEquals("text/html;charset=utf-8",
        r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(java.util.Locale.ROOT));
    assertTrue(r.body().contains("<div class=\"big\">FAILING</div>"), r.body());
    assertTrue(r.body().contains("<b>restate:log-storage</b>: N3 storage is data-loss"));
    assertTrue(r.body().contains("data-alert=\"RestateNodeDead\""));
  }
}
