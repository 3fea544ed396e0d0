package dev.lookout.output.notify;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import java.time.Instant;
import java.util.Map;

/** Alerts in each state, with times at whole minutes after noon so payloads read easily. */
final class TestAlerts {
  static final Instant NOON = Instant.parse("2024-05-01T12:00:00Z");

  private TestAlerts() {}

  static Map<String, String> labels(String node) {
    return Map.of("alertname", "NodeDown", "cluster", "demo", "node", node, "severity", "critical");
  }

  static Map<String, String> annotations(String node) {
    return Map.of("summary", "Node " + node + " is dead",
        "runbook_url", "https://example.org/runbooks/node-down.md");
  }

  /** Pending from noon, firing from 12:01, last sent then with validity until 12:05. */
  static Alert firing(String node) {
    return new Alert(labels(node), annotations(node), AlertState.FIRING, NOON, at(1), null, at(1),
        at(1), at(5));
  }

  /** Like {@link #firing}, resolved at 12:10. */
  static Alert resolved(String node) {
    return new Alert(labels(node), annotations(node), AlertState.RESOLVED, NOON, at(1), at(10),
        at(9), at(1), at(5));
  }

  static Alert pending(String node) {
    return Alert.pending(labels(node), annotations(node), NOON);
  }

  static Instant at(int minutesAfterNoon) {
    return NOON.plusSeconds(60L * minutesAfterNoon);
  }
}
