package dev.lookout.output.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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
  private HttpServer server;
  private int port;

  @BeforeEach
  void start() {
    server = new HttpServer("127.0.0.1", 0, new HttpServer.Views(healthy::get, ready::get, checks::get,
        List::of, () -> List.of(new TargetStatus("restate", "restate", true, "2026-11-22T04:00:00Z", 0.05,
            List.of())), () -> "lookout_target_up{target=\"restate\"} 1.0\n", List::of, List::of, () -> "", name -> name.equals("X.md") ? "# X\n" : null));
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
  void targetsAreListed() throws Exception {
    JsonNode targets = new ObjectMapper().readTree(get("/api/v1/targets").body());
    assertEquals("restate", targets.get(0).get("name").asText());
    assertTrue(targets.get(0).get("up").asBoolean());
  }
}
