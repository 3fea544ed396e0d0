package dev.lookout.output.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `/api/v1/rules` in the shape of Prometheus' API: groups of alerting rules with their alerts. */
final class RulesJson {
  private static final ObjectMapper MAPPER = SnapshotJson.MAPPER;

  private RulesJson() {}

  static ObjectNode of(List<RuleView> rules) {
    Map<String, ArrayNode> groups = new LinkedHashMap<>();
    Map<String, String> files = new LinkedHashMap<>();
    for (RuleView r : rules) {
      groups.computeIfAbsent(r.group(), g -> MAPPER.createArrayNode()).add(rule(r));
      files.putIfAbsent(r.group(), r.file());
    }
    ArrayNode list = MAPPER.createArrayNode();
    groups.forEach((name, ruleNodes) -> {
      ObjectNode g = list.addObject();
      g.put("name", name);
      g.put("file", files.get(name));
      g.set("rules", ruleNodes);
    });
    ObjectNode root = MAPPER.createObjectNode();
    root.put("status", "success");
    root.putObject("data").set("groups", list);
    return root;
  }

  private static ObjectNode rule(RuleView r) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", "alerting");
    node.put("name", r.name());
    node.put("query", r.query());
    node.put("duration", r.durationSeconds());
    node.put("keepFiringFor", r.keepFiringForSeconds());
    node.set("labels", MAPPER.valueToTree(r.labels()));
    node.set("annotations", MAPPER.valueToTree(r.annotations()));
    ArrayNode alerts = node.putArray("alerts");
    r.alerts().forEach(a -> alerts.add(AlertsJson.alert(a)));
    node.put("health", r.errors() == 0 ? "ok" : "err");
    node.put("lastError", r.errors() == 0 ? "" : r.errors() + " entities failed to evaluate");
    node.put("lastEvaluation", r.lastEvaluation());
    node.put("evaluationTime", r.evaluationTime());
    node.put("state", r.alerts().stream().anyMatch(a -> a.state() == dev.lookout.alerts.AlertState.FIRING)
        ? "firing" : r.alerts().isEmpty() ? "inactive" : "pending");
    return node;
  }
}
