package dev.lookout.output.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `lookout_alerts` stays a valid page whatever labels the alerts carry. */
class AlertGaugesTest {
  private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AlertGauges gauges = new AlertGauges(registry);

  private static Alert pending(Map<String, String> labels) {
    return Alert.pending(labels, Map.of(), NOW);
  }

  private List<String> series() {
    return registry.scrape().lines().filter(l -> l.startsWith("lookout_alerts{")).toList();
  }

  @Test
  void natsServersAndTargetsAreSeriesOfTheirOwn() {
    gauges.update(List.of(
        pending(Map.of("alertname", "NatsServerUnreachable", "server", "n1", "target", "nats")),
        pending(Map.of("alertname", "NatsServerUnreachable", "server", "n2", "target", "nats")),
        pending(Map.of("alertname", "LookoutTargetDown", "target", "east")),
        pending(Map.of("alertname", "LookoutTargetDown", "target", "west"))));
    List<String> series = series();
    assertEquals(4, series.size(), String.join("\n", series));
    assertTrue(series.stream().anyMatch(s -> s.contains("server=\"n2\"")), String.join("\n", series));
    assertTrue(series.stream().anyMatch(s -> s.contains("target=\"west\"")), String.join("\n", series));
  }

  @Test
  void alertsDifferingOnlyInUnlistedLabelsShareOneSeries() {
    gauges.update(List.of(pending(Map.of("alertname", "HighLatency", "instance", "a:1")),
        pending(Map.of("alertname", "HighLatency", "instance", "b:1"))));
    List<String> series = series();
    assertEquals(1, series.size(), String.join("\n", series));
    assertTrue(series.get(0).contains("alertstate=\"pending\""), series.get(0));
  }

  @Test
  void alertsOfOneRuleOnDifferentNatsServersAndStreamsAreSeparateSeries() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new AlertGauges(registry).update(List.of(
        firing(Map.of("alertname", "NatsDown", "severity", "warning", "server", "n1")),
        firing(Map.of("alertname", "NatsDown", "severity", "warning", "server", "n2")),
        firing(Map.of("alertname", "Lag", "severity", "warning", "account", "$G", "stream", "S",
            "server", "n1")),
        firing(Map.of("alertname", "Lag", "severity", "warning", "account", "$G", "stream", "T",
            "server", "n1")),
        firing(Map.of("alertname", "NodeDead", "severity", "critical", "node", "N1"))));
    List<String> series = registry.scrape().lines().filter(l -> l.startsWith("lookout_alerts{"))
        .sorted().toList();
    assertEquals(List.of(
        "lookout_alerts{account=\"\",alertname=\"NatsDown\",alertstate=\"firing\",channel=\"\","
            + "client=\"\",log=\"\",node=\"\",partition=\"\",server=\"n1\",severity=\"warning\","
            + "stream=\"\",target=\"\"} 1.0",
        "lookout_alerts{account=\"\",alertname=\"NatsDown\",alertstate=\"firing\",channel=\"\","
            + "client=\"\",log=\"\",node=\"\",partition=\"\",server=\"n2\",severity=\"warning\","
            + "stream=\"\",target=\"\"} 1.0",
        "lookout_alerts{account=\"\",alertname=\"NodeDead\",alertstate=\"firing\",channel=\"\","
            + "client=\"\",log=\"\",node=\"N1\",partition=\"\",server=\"\",severity=\"critical\","
            + "stream=\"\",target=\"\"} 1.0",
        "lookout_alerts{account=\"$G\",alertname=\"Lag\",alertstate=\"firing\",channel=\"\","
            + "client=\"\",log=\"\",node=\"\",partition=\"\",server=\"n1\",severity=\"warning\","
            + "stream=\"S\",target=\"\"} 1.0",
        "lookout_alerts{account=\"$G\",alertname=\"Lag\",alertstate=\"firing\",channel=\"\","
            + "client=\"\",log=\"\",node=\"\",partition=\"\",server=\"n1\",severity=\"warning\","
            + "stream=\"T\",target=\"\"} 1.0"), series);
  }

  private static Alert firing(Map<String, String> labels) {
    return new Alert(labels, Map.of(), AlertState.FIRING, NOW, NOW, null, NOW, null, null);
  }
}
