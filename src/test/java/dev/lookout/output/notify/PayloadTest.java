package dev.lookout.output.notify;

import static dev.lookout.output.notify.TestAlerts.firing;
import static dev.lookout.output.notify.TestAlerts.resolved;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadTest {
  private static final String GENERATOR = "http://lookout:9798/api/v1/alerts";
  private static final String N1_LABELS =
      "{\"alertname\":\"NodeDown\",\"cluster\":\"demo\",\"node\":\"N1\",\"severity\":\"critical\"}";
  private static final String N1_ANNOTATIONS = "{\"runbook_url\":\"https://example.org/runbooks/"
      + "node-down.md\",\"summary\":\"Node N1 is dead\"}";

  @Test
  void alertmanagerGetsPostableAlertsWithEndsAtFromValidityOrResolution() {
    String expected = "[{\"labels\":" + N1_LABELS + ",\"annotations\":" + N1_ANNOTATIONS
        + ",\"startsAt\":\"2024-05-01T12:01:00Z\",\"endsAt\":\"2024-05-01T12:05:00Z\","
        + "\"generatorURL\":\"" + GENERATOR + "\"},"
        + "{\"labels\":" + N1_LABELS + ",\"annotations\":" + N1_ANNOTATIONS
        + ",\"startsAt\":\"2024-05-01T12:01:00Z\",\"endsAt\":\"2024-05-01T12:10:00Z\","
        + "\"generatorURL\":\"" + GENERATOR + "\"}]";
    assertEquals(expected, AlertmanagerPayload.encode(List.of(firing("N1"), resolved("N1")), GENERATOR));
  }

  @Test
  void alertmanagerPayloadLeavesOutAnUnknownEnd() {
    Alert neverSent = new Alert(Map.of("alertname", "A"), Map.of(), AlertState.FIRING,
        TestAlerts.NOON, TestAlerts.at(2), null, TestAlerts.at(2), null, null);
    assertEquals("[{\"labels\":{\"alertname\":\"A\"},\"annotations\":{},"
        + "\"startsAt\":\"2024-05-01T12:02:00Z\",\"generatorURL\":\"g\"}]",
        AlertmanagerPayload.encode(List.of(neverSent), "g"));
  }

  @Test
  void webhookGetsAlertmanagersVersion4Message() {
    String expected = "{\"receiver\":\"lookout\",\"status\":\"firing\",\"alerts\":["
        + "{\"status\":\"firing\",\"labels\":" + N1_LABELS + ",\"annotations\":" + N1_ANNOTATIONS
        + ",\"startsAt\":\"2024-05-01T12:01:00Z\",\"endsAt\":\"2024-05-01T12:05:00Z\","
        + "\"generatorURL\":\"" + GENERATOR + "\",\"fingerprint\":\"280d0f8caee67cce\"},"
        + "{\"status\":\"resolved\",\"labels\":{\"alertname\":\"NodeDown\",\"cluster\":\"demo\","
        + "\"node\":\"N2\",\"severity\":\"critical\"},\"annotations\":{\"runbook_url\":"
        + "\"https://example.org/runbooks/node-down.md\",\"summary\":\"Node N2 is dead\"},"
        + "\"startsAt\":\"2024-05-01T12:01:00Z\",\"endsAt\":\"2024-05-01T12:10:00Z\","
        + "\"generatorURL\":\"" + GENERATOR + "\",\"fingerprint\":\"19e95780d7336371\"}],"
        + "\"groupLabels\":{\"alertname\":\"NodeDown\",\"cluster\":\"demo\"},"
        + "\"commonLabels\":{\"alertname\":\"NodeDown\",\"cluster\":\"demo\",\"severity\":\"critical\"},"
        + "\"commonAnnotations\":{\"runbook_url\":\"https://example.org/runbooks/node-down.md\"},"
        + "\"externalURL\":\"http://lookout:9798\",\"version\":\"4\","
        + "\"groupKey\":\"{}:{alertname=\\\"NodeDown\\\", cluster=\\\"demo\\\"}\",\"truncatedAlerts\":0}";
    assertEquals(expected, WebhookPayload.encode(List.of(firing("N1"), resolved("N2")),
        "http://lookout:9798", GENERATOR));
  }

  @Test
  void webhookMessageOfOnlyResolvedAlertsIsResolvedAndAnUnknownEndIsGosZeroTime() {
    Alert neverSent = new Alert(Map.of("alertname", "A", "x", "1"), Map.of(), AlertState.FIRING,
        TestAlerts.NOON, TestAlerts.NOON, null, TestAlerts.NOON, null, null);
    String firing = WebhookPayload.encode(List.of(neverSent), "e", "g");
    assertEquals(true, firing.contains("\"endsAt\":\"0001-01-01T00:00:00Z\""), firing);
    String resolved = WebhookPayload.encode(List.of(resolved("N1"), resolved("N2")), "e", "g");
    assertEquals(true, resolved.startsWith("{\"receiver\":\"lookout\",\"status\":\"resolved\""),
        resolved);
  }

  @Test
  void fingerprintIsFnv1aOverSortedLabelsLikePrometheus() {
    assertEquals("280d0f8caee67cce", Fingerprint.of(TestAlerts.labels("N1")));
    assertEquals("cbf29ce484222325", Fingerprint.of(Map.of()));
  }

  @Test
  void groupKeyQuotesValuesLikePrometheus() {
    assertEquals("{a=\"x\\\"y\", b=\"c\\\\d\"}", WebhookPayload.labelSet(Map.of("b", "c\\d", "a", "x\"y")));
  }

  @Test
  void alertmanagerEndpointKeepsAPathPrefix() {
    assertEquals("http://am:9093/api/v2/alerts",
        Notifier.alertmanagerEndpoint(java.net.URI.create("http://am:9093")).toString());
    assertEquals("https://h/am/api/v2/alerts?x=1",
        Notifier.alertmanagerEndpoint(java.net.URI.create("https://h/am/?x=1")).toString());
  }
}
