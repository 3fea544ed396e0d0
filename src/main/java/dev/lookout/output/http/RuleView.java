package dev.lookout.output.http;

import dev.lookout.alerts.Alert;
import java.util.List;
import java.util.Map;

/** One rule as `/api/v1/rules` shows it, in the shape of Prometheus' API. */
public record RuleView(String group, String file, String name, String query, long durationSeconds,
    long keepFiringForSeconds, Map<String, String> labels, Map<String, String> annotations,
    List<Alert> alerts, String lastEvaluation, double evaluationTime, int errors) {
  public RuleView {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    alerts = List.copyOf(alerts);
  }
}
