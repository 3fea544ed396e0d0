package dev.lookout.output.metrics;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * `lookout_alerts`, like Prometheus' `ALERTS`: one series per pending or firing alert. Every
 * series of a name must carry the same label keys, so the entity keys an alert lacks are empty,
 * which Prometheus treats as absent. The keys are every identity label a rule scope gives (Restate
 * and NATS entities, the target of a sample); alerts of one rule that differ only in other labels
 * of a sample share a series.
 */
public final class AlertGauges {
  /** Identity labels the shipped scopes give an alert besides its name and severity. */
  static final List<String> ENTITY_KEYS = List.of("target", "node", "log", "partition", "server",
      "account", "stream", "channel", "client");

  private final GaugeFamily<Alert> alerts;

  public AlertGauges(MeterRegistry registry) {
    this.alerts = new GaugeFamily<>(registry, "lookout.alerts",
        "Active alerts: 1 per pending or firing alert, labelled like the alert",
        AlertGauges::tags, a -> 1);
  }

  /**
   * Alerts whose labels differ only in keys not listed here (a sample rule's own labels) would
   * be one series twice, which breaks the whole page: such alerts share one series.
   */
  public void update(List<Alert> all) {
    Map<Tags, Alert> bySeries = new LinkedHashMap<>();
    for (Alert a : all) {
      if (a.state() != AlertState.RESOLVED) {
        bySeries.putIfAbsent(tags(a), a);
      }
    }
    alerts.update(bySeries.values());
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
