package dev.lookout.output.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of Alertmanager's {@code POST /api/v2/alerts}: an array of postable alerts. There is
 * no status field; Alertmanager calls an alert resolved once its {@code endsAt} has passed, so a
 * resolved alert carries its resolution time and a firing one the validity the agent gave it.
 */
final class AlertmanagerPayload {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AlertmanagerPayload() {}

  static String encode(List<Alert> alerts, String generatorUrl) {
    ArrayNode array = NODES.arrayNode();
    for (Alert alert : alerts) {
      ObjectNode node = array.addObject();
      putStrings(node.putObject("labels"), alert.labels());
      putStrings(node.putObject("annotations"), alert.annotations());
      node.put("startsAt", startsAt(alert).toString());
      Instant endsAt = endsAt(alert);
      if (endsAt != null) {
        node.put("endsAt", endsAt.toString());
      }
      node.put("generatorURL", generatorUrl);
    }
    return array.toString();
  }

  /** When it started firing; the start of pending only for an alert that never fired. */
  static Instant startsAt(Alert alert) {
    return alert.firedAt() != null ? alert.firedAt() : alert.activeAt();
  }

  /** Null when the agent set no validity: Alertmanager then applies its resolve_timeout. */
  static Instant endsAt(Alert alert) {
    return alert.state() == AlertState.RESOLVED ? alert.resolvedAt() : alert.validUntil();
  }

  static void putStrings(ObjectNode node, Map<String, String> values) {
    values.forEach(node::put);
  }
}
