package dev.lookout.output.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertGaugesTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

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
