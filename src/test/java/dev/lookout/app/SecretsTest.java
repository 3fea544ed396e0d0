package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.Config;
import dev.lookout.config.ConfigLoader;
import dev.lookout.tls.TestCertificates;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets from the configuration never show: not in /metrics, the JSON API, the status page,
 * health answers, nor in any log line, even while every receiver and target fails.
 */
class SecretsTest {
  private static final Map<String, String> ENV = Map.of("AM_PASSWORD", "am-s3cret-7f1c",
      "HOOK_TOKEN", "hook-t0ken-9a2e", "JMX_PASSWORD", "jmx-pa55-3d8b");
  private static final List<String> PATHS = List.of("/metrics", "/api/v1/targets", "/api/v1/snapshot",
      "/api/v1/alerts", "/api/v1/rules", "/health?verbose", "/health", "/", "/-/ready");

  @TempDir
  Path dir;

  @Test
  void noSecretInAnythingTheAgentServesOrLogs() throws Exception {
    int closed = closedPort();
    Files.writeString(dir.resolve("rules.yaml"), """
        groups:
          - name: self
            rules:
              - alert: TargetDown
                each: cluster
                expr: "!cluster.tablesRead"
                labels: {severity: critical}
                annotations: {runbook_url: "{{ $runbook_base }}/TargetDown.md"}
        """);
    Files.writeString(dir.resolve("lookout.yaml"), """
        cluster: secrets
        listen: 127.0.0.1:0
        scrape: {interval: 1s, timeout: 500ms}
        targets:
          - {name: restate, type: restate, addresses: ["http://127.0.0.1:%1$d"]}
          - name: jvm
            type: jmx
            url: "service:jmx:rmi:///jndi/rmi://127.0.0.1:%1$d/jmxrmi"
            mbeans: [{pattern: "java.lang:type=Memory"}]
            username: monitor
            password: ${JMX_PASSWORD}
        rule_files: [rules.yaml]
        alerting:
          resend_interval: 1s
          alertmanagers:
            - {url: "http://127.0.0.1:%1$d", basic_auth: {username: lookout, password: "${AM_PASSWORD}"}}
          webhooks:
            - {url: "http://127.0.0.1:%1$d/hook", bearer_token: "${HOOK_TOKEN}"}
        """.formatted(closed));
    Config config = ConfigLoader.load(dir.resolve("lookout.yaml"), ENV);
    List<String> logged = Collections.synchronizedList(new ArrayList<>());
    Handler capture = capture(logged);
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    StringBuilder served = new StringBuilder(config.toString()).append(config.alerting()).append(config.targets());
    try (Agent agent = new Agent(config, InstantSource.system())) {
      int port = agent.start();
      AgentE2ETest.awaitTrue("the target-down alert fires and delivery fails", Duration.ofSeconds(15), () ->
          body(port, "/api/v1/alerts").contains("\"firing\"") && logged.size() > 0);
      Thread.sleep(2_000); // a few more failed sends and scrapes
      for (String path : PATHS) {
        served.append(body(port, path));
      }
    } finally {
      root.removeHandler(capture);
    }
    String everything = served + String.join("\n", logged);
    assertTrue(everything.contains("TargetDown"), "the alert did fire");
    for (String secret : ENV.values()) {
      assertFalse(everything.contains(secret), "secret " + secret + " appeared");
    }
  }

  @Test
  void noWebSecretInAnythingTheAgentServesOrLogs() throws Exception {
    TestCertificates certs = TestCertificates.create(dir.resolve("tls"));
    String filePassword = "f1le-pa55-77c0";
    Files.writeString(dir.resolve("grafana-password"), filePassword + "\n");
    Map<String, String> env = Map.of("ADMIN_TOKEN", "adm1n-t0k-4b6d", "PROM_PASSWORD", "pr0m-pa55-2e9a");
    Files.writeString(dir.resolve("lookout.yaml"), """
        cluster: secrets
        listen: 127.0.0.1:0
        scrape: {interval: 1s, timeout: 500ms}
        targets:
          - {name: restate, type: restate, addresses: ["http://127.0.0.1:%d"]}
        web:
          tls: {cert_file: tls/server.crt, key_file: tls/server.key}
          admin: {token: "${ADMIN_TOKEN}"}
          basic_auth:
            - {username: prometheus, password: "${PROM_PASSWORD}"}
            - {username: grafana, password_file: grafana-password}
        """.formatted(closedPort()));
    Config config = ConfigLoader.load(dir.resolve("lookout.yaml"), env);
    List<String> logged = Collections.synchronizedList(new ArrayList<>());
    Handler capture = capture(logged);
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    StringBuilder served = new StringBuilder(config.toString()).append(config.web());
    try (Agent agent = new Agent(config, InstantSource.system())) {
      Https https = new Https(agent.start(), certs);
      String user = Https.basic("prometheus", env.get("PROM_PASSWORD"));
      AgentE2ETest.awaitTrue("a scrape failed", Duration.ofSeconds(10), () ->
          https.get("/api/v1/targets", user).body().contains("unreachable"));
      for (String path : PATHS) {
        served.append(https.get(path, user).body()).append(https.get(path, null).body())
            .append(https.get(path, Https.basic("grafana", "wrong")).body());
      }
      served.append(https.post("/-/reload", "Bearer wrong-" + env.get("ADMIN_TOKEN")).body())
          .append(https.post("/-/reload", user).body());
      HttpResponse<String> reload = https.post("/-/reload", "Bearer " + env.get("ADMIN_TOKEN"));
      assertTrue(reload.statusCode() == 200, "the right token reloads: " + reload.body());
      served.append(reload.body()).append(reload.headers().map());
    } finally {
      root.removeHandler(capture);
    }
    String everything = served + String.join("\n", logged);
    assertTrue(everything.contains("lookout_target_up"), "the pages were read with the user");
    List<String> secrets = new ArrayList<>(env.values());
    secrets.add(filePassword);
    secrets.add(certs.serverKey().toString());
    secrets.add(keyBody(certs.serverKey()));
    for (String secret : secrets) {
      assertFalse(everything.contains(secret), "secret " + secret + " appeared");
    }
  }

  /** The base64 of the key without its PEM lines: any line of it would be a leak. */
  private static String keyBody(Path key) throws Exception {
    String[] lines = Files.readString(key).split("\n");
    return lines[1];
  }

  private static Handler capture(List<String> into) {
    return new Handler() {
      @Override
      public void publish(LogRecord r) {
        String thrown = r.getThrown() == null ? "" : " " + r.getThrown();
        into.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
            + thrown);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  private static String body(int port, String path) {
    try {
      return MetricsText.get(port, path).body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
