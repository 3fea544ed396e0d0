package dev.lookout.output.notify;

import static dev.lookout.output.notify.TestAlerts.firing;
import static dev.lookout.output.notify.TestAlerts.pending;
import static dev.lookout.output.notify.TestAlerts.resolved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.alerts.Alert;
import dev.lookout.config.Credentials;
import dev.lookout.config.Receiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole notifier over real HTTP against an in-test JDK server. */
class NotifierTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private HookServer server;
  private Notifier notifier;

  @BeforeEach
  void start() throws Exception {
    server = new HookServer();
  }

  @AfterEach
  void stop() {
    if (notifier != null) {
      notifier.close();
    }
    server.close();
  }

  @Test
  void alertmanagerGetsBasicAuthAndTheV2Path() throws Exception {
    Receiver am = new Receiver(URI.create(server.url("/am")),
        new Credentials.Basic("lookout", "s3cret"), Duration.ofSeconds(2));
    notifier = new Notifier(List.of(am), List.of(), "http://lookout:9798/", registry);
    notifier.send(List.of(pending("N0"), firing("N1")));
    HookServer.Call call = server.next(WAIT);
    assertEquals("/am/api/v2/alerts", call.path());
    assertEquals("Basic bG9va291dDpzM2NyZXQ=", call.header("Authorization"));
    assertEquals("application/json", call.header("Content-type"));
    JsonNode body = JSON.readTree(call.body());
    assertEquals(1, body.size(), "pending alerts are not sent");
    assertEquals("http://lookout:9798/api/v1/alerts", body.get(0).get("generatorURL").asText());
  }

  @Test
  void webhookGetsBearerTokenAndVersion4Message() throws Exception {
    Receiver hook = new Receiver(URI.create(server.url("/hook")), new Credentials.Bearer("t0k"),
        Duration.ofSeconds(2));
    notifier = new Notifier(List.of(), List.of(hook), "http://lookout:9798", registry);
    notifier.send(List.of(resolved("N1")));
    HookServer.Call call = server.next(WAIT);
    assertEquals("/hook", call.path());
    assertEquals("Bearer t0k", call.header("Authorization"));
    JsonNode body = JSON.readTree(call.body());
    assertEquals("4", body.get("version").asText());
    assertEquals("resolved", body.get("status").asText());
    assertEquals("280d0f8caee67cce", body.get("alerts").get(0).get("fingerprint").asText());
  }

  @Test
  void batchesHoldAtMost64Alerts() throws Exception {
    Receiver hook = new Receiver(URI.create(server.url("/hook")));
    notifier = new Notifier(List.of(), List.of(hook), "http://l", registry);
    List<Alert> alerts = new ArrayList<>();
    IntStream.range(0, 150).forEach(i -> alerts.add(firing("N" + i)));
    notifier.send(alerts);
    List<Integer> sizes = new ArrayList<>();
    int total = 0;
    while (total < 150) {
      int size = JSON.readTree(server.next(WAIT).body()).get("alerts").size();
      sizes.add(size);
      total += size;
    }
    assertTrue(sizes.stream().allMatch(n -> n <= 64), sizes.toString());
    assertEquals(150, total);
    DeliveryTest.waitFor(() -> count(hook, "sent") == 150.0);
  }

  @Test
  void aReceiverThatIsDownBlocksNeitherSendNorTheOthers() throws Exception {
    Receiver down = new Receiver(URI.create("http://127.0.0.1:" + freePort()));
    Receiver up = new Receiver(URI.create(server.url("/hook")));
    notifier = new Notifier(List.of(down), List.of(up), "http://l", registry);
    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      notifier.send(List.of(firing("N" + i)));
    }
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "send() must not wait for receivers");
    server.next(WAIT);
    DeliveryTest.waitFor(() -> count(down, "failed") >= 1);
    long closing = System.nanoTime();
    notifier.close();
    assertTrue(System.nanoTime() - closing < 2_000_000_000L, "close() interrupts the backoff");
    assertEquals(0.0, count(down, "sent"));
    assertTrue(count(down, "dropped") > 0, "queued alerts count as dropped at shutdown");
  }

  @Test
  void a4xxIsRejectedOnce() throws Exception {
    server.status(404);
    Receiver am = new Receiver(URI.create(server.url("/wrong")));
    notifier = new Notifier(List.of(am), List.of(), "http://l", registry);
    notifier.send(List.of(firing("N1"), firing("N2")));
    server.next(WAIT);
    DeliveryTest.waitFor(() -> count(am, "rejected") == 2.0);
    Thread.sleep(700); // longer than the first backoff: a retry would have arrived by now
    assertEquals(0, server.pending());
  }

  @Test
  void seriesUseTheDocumentedPrometheusNamesWithoutCredentials() {
    var prometheus = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
        io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
    Receiver hook = new Receiver(URI.create("http://127.0.0.1:1/hook?token=s3cret"),
        new Credentials.Bearer("s3cret"), Duration.ofSeconds(1));
    notifier = new Notifier(List.of(), List.of(hook), "http://l", prometheus);
    String page = prometheus.scrape();
    for (String result : List.of("sent", "failed", "dropped", "rejected")) {
      assertTrue(page.contains("lookout_notifications_total{receiver=\"http://127.0.0.1:1/hook\","
          + "result=\"" + result + "\"} 0.0"), page);
    }
    assertTrue(page.contains("lookout_notification_queue_length{receiver=\"http://127.0.0.1:1/hook\"} 0.0"), page);
    assertTrue(page.contains("lookout_notification_queue_capacity{receiver=\"http://127.0.0.1:1/hook\"} 10000.0"), page);
    assertTrue(page.contains("lookout_notification_latency_seconds_count{receiver=\"http://127.0.0.1:1/hook\"} 0"), page);
    assertTrue(!page.contains("s3cret"), page);
  }

  @Test
  void theSameReceiverTwiceIsAnError() {
    Receiver am = new Receiver(URI.create("http://am:9093"));
    Receiver sameWithToken = new Receiver(URI.create("http://am:9093?token=x"));
    assertThrows(IllegalArgumentException.class,
        () -> new Notifier(List.of(am), List.of(sameWithToken), "http://l", registry));
  }

  private double count(Receiver receiver, String result) {
    return registry.get("lookout.notifications")
        .tags("receiver", receiver.redactedUrl(), "result", result).counter().count();
  }

  static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
