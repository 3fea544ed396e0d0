package dev.lookout.output.metrics;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Locale;

/**
 * `lookout_alerts`, like Prometheus' `ALERTS`: one series per pending or firing alert. Every
 * series of a name must carry the same label keys, so the entity keys an alert lacks are empty,
 * which Prometheus treats as absent.
 */
public final class AlertGauges {
  /**
   * Identity labels an alert may carry besides its name and severity, of every scope: one left out
   * makes two alerts one series (two unreachable NATS servers would show as one).
   */
  static final List<String> ENTITY_KEYS = List.of("node", "log", "partition", "server", "account",
      "stream", "channel", "client", "target");

  private final GaugeFamily<Alert> alerts;

  public AlertGauges(MeterRegistry registry) {
    this.alerts = new GaugeFamily<>(registry, "lookout.alerts",
        "Active alerts: 1 per pending or firing alert, labelled like the alert",
        AlertGauges::tags, a -> 1);
  }

  public void update(List<Alert> all) {
    alerts.update(all.stream().filter(a -> a.state() != AlertState.RESOLVED).toList());
  }

  private static Tags tags(Alert a) {
    Tags tags = Tags.of("alertname", a.alertname(),
        "alertstate", a.state().name().toLowerCase(Locale.ROOT),
        "severity", a.labels().getOrDefault("severity", ""));
    for (String key : ENTITY_KEYS) {
      tags = tags.and(key, a.labels().getOrDefault(key, ""));
    }
    return tags;
  }
}
