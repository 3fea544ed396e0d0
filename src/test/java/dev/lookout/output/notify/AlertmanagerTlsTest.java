package dev.lookout.output.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import dev.lookout.config.Credentials;
import dev.lookout.config.Receiver;
import dev.lookout.config.TlsFiles;
import dev.lookout.tls.TestCertificates;
import dev.lookout.tls.TlsMaterial;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery to a real Alertmanager that serves HTTPS only and requires a client certificate from
 * the test CA ({@code --web.config.file} with {@code tls_server_config}).
 */
@Tag("e2e")
class AlertmanagerTlsTest {
  private static final int PORT = 21020;
  private static final URI URL = URI.create("https://127.0.0.1:" + PORT);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  private static TestCertificates certs;
  private static Process alertmanager;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(AlertmanagerProcess.BINARY), "needs prometheus-alertmanager");
    certs = TestCertificates.create(dir.resolve("tls"));
    Files.writeString(dir.resolve("web.yml"), """
        tls_server_config:
          cert_file: %s
          key_file: %s
          client_auth_type: RequireAndVerifyClientCert
          client_ca_file: %s
        """.formatted(certs.serverCert(), certs.serverKey(), certs.ca()));
    Files.writeString(dir.resolve("alertmanager.yml"), "route: {receiver: none}\nreceivers: [{name: none}]\n");
    alertmanager = new ProcessBuilder(AlertmanagerProcess.BINARY.toString(),
        "--config.file=" + dir.resolve("alertmanager.yml"), "--storage.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + PORT, "--web.config.file=" + dir.resolve("web.yml"),
        "--cluster.listen-address=").redirectErrorStream(true)
        .redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
    client = HttpClient.newBuilder().sslContext(TlsMaterial.load(Optional.of(certs.ca()),
        Optional.of(certs.clientCert()), Optional.of(certs.clientKey())).sslContext()).build();
    awaitReady();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (alertmanager != null) {
      alertmanager.destroy();
      alertmanager.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (System.nanoTime() > deadline || !alertmanager.isAlive()) {
        throw new IllegalStateException(Files.readString(dir.resolve("alertmanager.log")));
      }
      Thread.sleep(200);
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URL.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static boolean held(String alertname) throws Exception {
    for (JsonNode alert : JSON.readTree(get("/api/v2/alerts").body())) {
      if (alertname.equals(alert.get("labels").get("alertname").asText())) {
        return true;
      }
    }
    return false;
  }

  private static Alert firing(String name) {
    Instant now = Instant.now();
    return new Alert(Map.of("alertname", name, "cluster", "tls", "severity", "critical"),
        Map.of("runbook_url", "http://127.0.0.1:9798/runbooks/x.md"),
        AlertState.FIRING, now, now, null, now, now, now.plus(Duration.ofMinutes(4)));
  }

  private static void send(Optional<Path> ca, Optional<Path> cert, Optional<Path> key, Alert alert,
      SimpleMeterRegistry registry, String awaitResult) throws Exception {
    Receiver am = new Receiver(URL, Credentials.NONE, Duration.ofSeconds(5),
        Optional.of(new TlsFiles(ca, cert, key)));
    try (Notifier notifier = new Notifier(List.of(am), List.of(), "http://127.0.0.1:9798", registry)) {
      notifier.send(List.of(alert));
      DeliveryTest.waitFor(() -> count(registry, awaitResult) >= 1);
    }
  }

  private static double count(SimpleMeterRegistry registry, String result) {
    return registry.get("lookout.notifications").tags("receiver", am(), "result", result)
        .counter().count();
  }

  private static String am() {
    return "https://127.0.0.1:" + PORT;
  }

  @Test
  @Timeout(60)
  void alertsReachAlertmanagerOverTlsWithAClientCertificate() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    send(Optional.of(certs.ca()), Optional.of(certs.clientCert()), Optional.of(certs.clientKey()),
        firing("LookoutTlsDelivered"), registry, "sent");
    assertTrue(held("LookoutTlsDelivered"));
  }

  @Test
  @Timeout(60)
  void aWrongCaOrAMissingClientCertificateFailsTheSendNotTheNotifier() throws Exception {
    SimpleMeterRegistry wrongCa = new SimpleMeterRegistry();
    send(Optional.of(certs.otherCa()), Optional.of(certs.clientCert()), Optional.of(certs.clientKey()),
        firing("LookoutTlsWrongCa"), wrongCa, "failed");
    SimpleMeterRegistry noCert = new SimpleMeterRegistry();
    send(Optional.of(certs.ca()), Optional.empty(), Optional.empty(), firing("LookoutTlsNoCert"),
        noCert, "failed");
    assertEquals(0.0, count(wrongCa, "sent"));
    assertEquals(0.0, count(noCert, "sent"));
    assertTrue(!held("LookoutTlsWrongCa") && !held("LookoutTlsNoCert"), "nothing was delivered");
  }
}
