package dev.lookout.output.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The message Alertmanager's webhook integration posts (version "4"), built from one batch, so
 * anything that consumes Alertmanager webhooks can take Lookout's directly. Fields are written in
 * Alertmanager's order. A batch is one group: it fires while any of its alerts fires; its group
 * labels are whichever of {@code alertname} and {@code cluster} all its alerts share.
 */
final class WebhookPayload {
  static final String VERSION = "4";
  static final String RECEIVER = "lookout";
  // Go's zero time, which Alertmanager prints for an alert without an end.
  private static final String NO_END = "0001-01-01T00:00:00Z";
  private static final List<String> GROUP_BY = List.of(Alert.ALERTNAME, "cluster");

  private WebhookPayload() {}

  static String encode(List<Alert> alerts, String externalUrl, String generatorUrl) {
    Map<String, String> commonLabels = common(alerts, Alert::labels);
    Map<String, String> groupLabels = new TreeMap<>(commonLabels);
    groupLabels.keySet().retainAll(GROUP_BY);
    ObjectNode root = AlertmanagerPayload.NODES.objectNode();
    root.put("receiver", RECEIVER);
    root.put("status", alerts.stream().anyMatch(a -> status(a).equals("firing")) ? "firing" : "resolved");
    ArrayNode array = root.putArray("alerts");
    alerts.forEach(alert -> encode(array.addObject(), alert, generatorUrl));
    AlertmanagerPayload.putStrings(root.putObject("groupLabels"), groupLabels);
    AlertmanagerPayload.putStrings(root.putObject("commonLabels"), commonLabels);
    AlertmanagerPayload.putStrings(root.putObject("commonAnnotations"), common(alerts, Alert::annotations));
    root.put("externalURL", externalUrl);
    root.put("version", VERSION);
    root.put("groupKey", "{}:" + labelSet(groupLabels));
    root.put("truncatedAlerts", 0);
    return root.toString();
  }

  private static void encode(ObjectNode node, Alert alert, String generatorUrl) {
    node.put("status", status(alert));
    AlertmanagerPayload.putStrings(node.putObject("labels"), alert.labels());
    AlertmanagerPayload.putStrings(node.putObject("annotations"), alert.annotations());
    node.put("startsAt", AlertmanagerPayload.startsAt(alert).toString());
    Instant endsAt = AlertmanagerPayload.endsAt(alert);
    node.put("endsAt", endsAt == null ? NO_END : endsAt.toString());
    node.put("generatorURL", generatorUrl);
    node.put("fingerprint", Fingerprint.of(alert.labels()));
  }

  private static String status(Alert alert) {
    return alert.state() == AlertState.RESOLVED ? "resolved" : "firing";
  }

  /** The pairs every alert has with the same value; empty for an empty batch. */
  static Map<String, String> common(List<Alert> alerts, Function<Alert, Map<String, String>> field) {
    if (alerts.isEmpty()) {
      return Map.of();
    }
    Map<String, String> common = new HashMap<>(field.apply(alerts.get(0)));
    for (Alert alert : alerts.subList(1, alerts.size())) {
      Map<String, String> values = field.apply(alert);
      common.entrySet().removeIf(e -> !e.getValue().equals(values.get(e.getKey())));
    }
    return new TreeMap<>(common);
  }

  /** Prometheus' text form of a label set, e.g. {@code {alertname="NodeDown", cluster="demo"}}. */
  static String labelSet(Map<String, String> labels) {
    return new TreeMap<>(labels).entrySet().stream()
        .map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
