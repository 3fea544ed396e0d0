package dev.lookout.output.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import dev.lookout.config.Receiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookout's notifier against a real Alertmanager 0.25, which forwards to a webhook receiver in
 * the test: firing, resolved, and an Alertmanager that is down and comes back.
 */
@Tag("e2e")
class AlertmanagerE2ETest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private HookServer hook;
  private AlertmanagerProcess alertmanager;
  private Notifier notifier;
  private long receivedNanos;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(Files.isExecutable(AlertmanagerProcess.BINARY),
        "needs prometheus-alertmanager (apt-get install -y prometheus-alertmanager)");
    hook = new HookServer();
    alertmanager = new AlertmanagerProcess(dir, NotifierTest.freePort(), hook.url("/hook"));
    Receiver am = new Receiver(URI.create(alertmanager.url()));
    notifier = new Notifier(List.of(am), List.of(), "http://127.0.0.1:9798", registry);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (notifier != null) {
      notifier.close();
    }
    if (alertmanager != null) {
      alertmanager.close();
    }
    if (hook != null) {
      hook.close();
    }
  }

  @Test
  @Timeout(60)
  void firingThenResolvedReachTheWebhookThroughAlertmanager() throws Exception {
    alertmanager.start();
    Instant now = Instant.now();
    Alert firing = firing("LookoutE2eFiring", now);
    long sent = System.nanoTime();
    notifier.send(List.of(firing));
    JsonNode message = awaitMessage("firing");
    System.out.printf("send() to webhook through Alertmanager: %d ms (group_wait 1s)%n",
        (receivedNanos - sent) / 1_000_000);
    JsonNode forwarded = message.get("alerts").get(0);
    assertEquals(firing.labels(), strings(forwarded.get("labels")));
    assertEquals("http://127.0.0.1:9798/api/v1/alerts", forwarded.get("generatorURL").asText());
    // Alertmanager computed the fingerprint itself: ours must agree for consumers to match them.
    assertEquals(Fingerprint.of(firing.labels()), forwarded.get("fingerprint").asText());
    JsonNode held = alertmanager.alerts().get(0);
    assertEquals("active", held.get("status").get("state").asText());
    assertEquals(firing.annotations(), strings(held.get("annotations")));

    Instant resolvedAt = Instant.now();
    notifier.send(List.of(resolve(firing, resolvedAt)));
    JsonNode resolved = awaitMessage("resolved");
    assertEquals("resolved", resolved.get("alerts").get(0).get("status").asText());
    assertEquals(List.of(), alertmanager.alerts(), "a resolved alert is no longer listed");
  }

  @Test
  @Timeout(90)
  void alertsSentWhileAlertmanagerIsDownArriveOnceItIsUp() throws Exception {
    notifier.send(List.of(firing("LookoutE2eBeforeStart", Instant.now())));
    DeliveryTest.waitFor(() -> count("failed") >= 2);
    alertmanager.start();
    assertEquals("LookoutE2eBeforeStart",
        awaitMessage("firing").get("commonLabels").get("alertname").asText());

    alertmanager.stop();
    notifier.send(List.of(firing("LookoutE2eWhileKilled", Instant.now())));
    double failedBefore = count("failed");
    DeliveryTest.waitFor(() -> count("failed") > failedBefore);
    alertmanager.start();
    JsonNode message = awaitMessage("firing");
    assertEquals("LookoutE2eWhileKilled", message.get("commonLabels").get("alertname").asText());
    // The sender counts the delivery once it has read the reply, which on a busy machine can be
    // after Alertmanager has already passed the alert on.
    DeliveryTest.waitFor(() -> count("sent") == 2.0);
    assertEquals(0.0, count("dropped") + count("rejected"));
  }

  private static Alert firing(String name, Instant now) {
    return new Alert(Map.of("alertname", name, "cluster", "e2e", "severity", "critical"),
        Map.of("summary", "raised by the test", "runbook_url", "http://127.0.0.1:9798/runbooks/x.md"),
        AlertState.FIRING, now, now, null, now, now, now.plus(Duration.ofMinutes(4)));
  }

  private static Alert resolve(Alert alert, Instant at) {
    return new Alert(alert.labels(), alert.annotations(), AlertState.RESOLVED, alert.activeAt(),
        alert.firedAt(), at, alert.lastSeenAt(), at, at);
  }

  /** The next webhook message with the given status; messages of another status are skipped. */
  private JsonNode awaitMessage(String status) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      HookServer.Call call = hook.next(WAIT);
      JsonNode message = JSON.readTree(call.body());
      if (message.get("status").asText().equals(status)) {
        receivedNanos = call.receivedNanos();
        assertEquals("4", message.get("version").asText());
        return message;
      }
    }
    throw new AssertionError("no " + status + " message within " + WAIT + "; " + alertmanager.log());
  }

  private double count(String result) {
    return registry.get("lookout.notifications")
        .tags("receiver", alertmanager.url(), "result", result).counter().count();
  }

  private static Map<String, String> strings(JsonNode node) {
    return JSON.convertValue(node, JSON.getTypeFactory().constructMapType(Map.class, String.class,
        String.class));
  }
}
