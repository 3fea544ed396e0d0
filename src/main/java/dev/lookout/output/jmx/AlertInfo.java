package dev.lookout.output.jmx;

import dev.lookout.alerts.Alert;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.management.openmbean.CompositeData;

/**
 * One active alert in a JMX-friendly shape: getters map to a CompositeData item; {@link #from}
 * makes the type reconstructible for MXBean proxies.
 */
public final class AlertInfo {
  private final String name;
  private final String severity;
  private final String state;
  private final String activeAt;
  private final String runbookUrl;
  private final Map<String, String> labels;

  public AlertInfo(String name, String severity, String state, String activeAt, String runbookUrl,
      Map<String, String> labels) {
    this.name = name;
    this.severity = severity;
    this.state = state;
    this.activeAt = activeAt;
    this.runbookUrl = runbookUrl;
    this.labels = new TreeMap<>(labels);
  }

  static AlertInfo of(Alert a) {
    return new AlertInfo(a.alertname(), a.labels().getOrDefault("severity", ""),
        a.state().name().toLowerCase(Locale.ROOT), a.activeAt().toString(),
        a.annotations().getOrDefault("runbook_url", ""), a.labels());
  }

  @SuppressWarnings("unchecked")
  public static AlertInfo from(CompositeData data) {
    Map<String, String> labels = new TreeMap<>();
    for (Object row : ((javax.management.openmbean.TabularData) data.get("labels")).values()) {
      CompositeData entry = (CompositeData) row;
      labels.put((String) entry.get("key"), (String) entry.get("value"));
    }
    return new AlertInfo((String) data.get("name"), (String) data.get("severity"),
        (String) data.get("state"), (String) data.get("activeAt"), (String) data.get("runbookUrl"), labels);
  }

  public String getName() {
    return name;
  }

  public String getSeverity() {
    return severity;
  }

  public String getState() {
    return state;
  }

  public String getActiveAt() {
    return activeAt;
  }

  public String getRunbookUrl() {
    return runbookUrl;
  }

  public Map<String, String> getLabels() {
    return labels;
  }
}
