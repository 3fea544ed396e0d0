package dev.lookout.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The on-disk form of all rules' alerts, written by hand rather than by reflection so the format
 * only changes on purpose. Instants are ISO-8601 strings; absent ones are left out. Decoding
 * problems are {@link IllegalArgumentException}s naming the JSON path, e.g.
 * {@code rules.NodeDown[2].activeAt}.
 */
final class AlertJson {
  static final int VERSION = 1;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AlertJson() {}

  static ObjectNode encode(Map<String, List<Alert>> byRule) {
    ObjectNode root = NODES.objectNode();
    root.put("version", VERSION);
    ObjectNode rules = root.putObject("rules");
    new TreeMap<>(byRule).forEach((rule, alerts) -> {
      var array = rules.putArray(rule);
      alerts.forEach(alert -> array.add(encode(alert)));
    });
    return root;
  }

  static Map<String, List<Alert>> decode(JsonNode root) {
    requireObject(root, "the document");
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.intValue() != VERSION) {
      throw new IllegalArgumentException("version: expected " + VERSION + ", got " + version);
    }
    JsonNode rules = requireObject(root.get("rules"), "rules");
    Map<String, List<Alert>> byRule = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> rule : rules.properties()) {
      byRule.put(rule.getKey(), decodeRule(rule.getKey(), rule.getValue()));
    }
    return byRule;
  }

  private static ObjectNode encode(Alert alert) {
    ObjectNode node = NODES.objectNode();
    alert.labels().forEach(node.putObject("labels")::put);
    alert.annotations().forEach(node.putObject("annotations")::put);
    node.put("state", alert.state().name());
    putInstant(node, "activeAt", alert.activeAt());
    putInstant(node, "firedAt", alert.firedAt());
    putInstant(node, "resolvedAt", alert.resolvedAt());
    putInstant(node, "lastSeenAt", alert.lastSeenAt());
    putInstant(node, "lastSentAt", alert.lastSentAt());
    putInstant(node, "validUntil", alert.validUntil());
    return node;
  }

  private static void putInstant(ObjectNode node, String field, Instant value) {
    if (value != null) {
      node.put(field, value.toString());
    }
  }

  private static List<Alert> decodeRule(String rule, JsonNode node) {
    String path = "rules." + rule;
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException(path + ": expected an array of alerts");
    }
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      Alert alert = decodeAlert(node.get(i), path + "[" + i + "]");
      // Rules are filed by name, or by "group/name" where groups share alert names.
      String expected = rule.substring(rule.lastIndexOf('/') + 1);
      if (!alert.alertname().equals(expected)) {
        throw new IllegalArgumentException(path + "[" + i + "].labels.alertname: expected "
            + expected + ", got " + alert.alertname());
      }
      alerts.add(alert);
    }
    return alerts;
  }

  private static Alert decodeAlert(JsonNode node, String path) {
    requireObject(node, path);
    AlertState state = decodeState(node.get("state"), path + ".state");
    Map<String, String> labels = strings(node, "labels", path);
    Map<String, String> annotations = strings(node, "annotations", path);
    Instant activeAt = instant(node, "activeAt", path);
    Instant firedAt = instant(node, "firedAt", path);
    Instant resolvedAt = instant(node, "resolvedAt", path);
    Instant lastSeenAt = instant(node, "lastSeenAt", path);
    Instant lastSentAt = instant(node, "lastSentAt", path);
    Instant validUntil = instant(node, "validUntil", path);
    // Only the lifecycle checks of Alert are left to fail here; they name no path themselves.
    try {
      return new Alert(labels, annotations, state, activeAt, firedAt, resolvedAt, lastSeenAt,
          lastSentAt, validUntil);
    } catch (NullPointerException e) {
      // Alert names the missing field in the message of its requireNonNull.
      throw new IllegalArgumentException(path + "." + e.getMessage() + ": missing", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private static AlertState decodeState(JsonNode node, String path) {
    if (node != null && node.isTextual()) {
      for (AlertState state : AlertState.values()) {
        if (state.name().equals(node.textValue())) {
          return state;
        }
      }
    }
    throw new IllegalArgumentException(path + ": expected one of PENDING, FIRING, RESOLVED, got "
        + node);
  }

  private static Map<String, String> strings(JsonNode parent, String field, String path) {
    JsonNode node = requireObject(parent.get(field), path + "." + field);
    Map<String, String> map = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isTextual()) {
        throw new IllegalArgumentException(
            path + "." + field + "." + entry.getKey() + ": expected a string");
      }
      map.put(entry.getKey(), entry.getValue().textValue());
    }
    return map;
  }

  // Absent or null means "not yet"; the Alert constructor rejects it where it is required.
  private static Instant instant(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      try {
        return Instant.parse(node.textValue());
      } catch (DateTimeParseException e) {
        throw badInstant(path + "." + field, node, e);
      }
    }
    throw badInstant(path + "." + field, node, null);
  }

  private static IllegalArgumentException badInstant(String path, JsonNode node, Exception cause) {
    return new IllegalArgumentException(
        path + ": expected an ISO-8601 instant such as 2024-05-01T12:00:00Z, got " + node, cause);
  }

  private static JsonNode requireObject(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(path + ": expected a JSON object, got " + node);
    }
    return node;
  }
}
