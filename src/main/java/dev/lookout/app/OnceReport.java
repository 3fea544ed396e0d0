package dev.lookout.app;

import dev.lookout.alerts.Alert;
import dev.lookout.output.http.HealthCheck;
import java.util.List;

/** The outcome of one complete tick: health checks, current alerts, and series on /metrics. */
public record OnceReport(List<HealthCheck> checks, List<Alert> alerts, long series) {
  public boolean healthy() {
    return checks.stream().allMatch(HealthCheck::ok);
  }

  /** One line per failed check and per alert, then a summary line. */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (HealthCheck c : checks) {
      if (!c.ok()) {
        out.append("check failed: ").append(c.name()).append(": ").append(c.detail()).append('\n');
      }
    }
    for (Alert a : alerts) {
      out.append("alert ").append(a.state()).append(": ").append(a.alertname()).append(' ')
          .append(a.labels()).append('\n');
    }
    return out.append(checks.size()).append(" checks, ").append(alerts.size()).append(" alerts, ")
        .append(series).append(" series on /metrics\n").toString();
  }
}
