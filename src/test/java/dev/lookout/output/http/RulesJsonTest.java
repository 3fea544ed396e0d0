package dev.lookout.output.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.alerts.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `/api/v1/rules` in Prometheus' shape: groups of rules, each with its state and alerts. */
class RulesJsonTest {
  @Test
  void rulesAreGroupedWithTheirAlerts() {
    Alert pending = Alert.pending(Map.of("alertname", "NodeDead", "node", "N2", "severity", "critical"),
        Map.of(), Instant.parse("2026-11-22T04:00:00Z"));
    RuleView dead = new RuleView("nodes", "rules/restate.yaml", "NodeDead", "node.state == \"dead\"", 30, 0,
        Map.of("severity", "critical"), Map.of("runbook_url", "https://rb/NodeDead.md"), List.of(pending),
        "2026-11-22T04:00:10Z", 0.0004, 0);
    RuleView quiet = new RuleView("nodes", "rules/restate.yaml", "NodeHung", "node.probe == \"timeout\"", 60, 0,
        Map.of("severity", "critical"), Map.of(), List.of(), "2026-11-22T04:00:10Z", 0.0001, 2);
    JsonNode root = RulesJson.of(List.of(dead, quiet));
    assertEquals("success", root.get("status").asText());
    JsonNode group = root.get("data").get("groups").get(0);
    assertEquals("nodes", group.get("name").asText());
    assertEquals("rules/restate.yaml", group.get("file").asText());
    JsonNode first = group.get("rules").get(0);
    assertEquals("alerting", first.get("type").asText());
    assertEquals("pending", first.get("state").asText());
    assertEquals(30, first.get("duration").asInt());
    assertEquals("N2", first.get("alerts").get(0).get("labels").get("node").asText());
    JsonNode second = group.get("rules").get(1);
    assertEquals("inactive", second.get("state").asText());
    assertEquals("err", second.get("health").asText());
    assertEquals("2 entities failed to evaluate", second.get("lastError").asText());
  }
}
