package dev.lookout.output.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import java.util.List;
import java.util.Locale;

/** `/api/v1/alerts` in the shape of Prometheus' API, so tools that read Prometheus read Lookout. */
final class AlertsJson {
  private static final ObjectMapper MAPPER = SnapshotJson.MAPPER;

  private AlertsJson() {}

  static ObjectNode of(List<Alert> alerts) {
    ArrayNode list = MAPPER.createArrayNode();
    for (Alert a : alerts) {
      if (a.state() != AlertState.RESOLVED) {
        list.add(alert(a));
      }
    }
    ObjectNode data = MAPPER.createObjectNode();
    data.set("alerts", list);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("status", "success");
    root.set("data", data);
    return root;
  }

  static ObjectNode alert(Alert a) {
    ObjectNode node = MAPPER.createObjectNode();
    node.set("labels", MAPPER.valueToTree(a.labels()));
    node.set("annotations", MAPPER.valueToTree(a.annotations()));
    node.put("state", a.state().name().toLowerCase(Locale.ROOT));
    node.put("activeAt", a.activeAt().toString());
    if (a.firedAt() != null) {
      node.put("firedAt", a.firedAt().toString());
    }
    node.put("value", "1e+00");
    return node;
  }
}
