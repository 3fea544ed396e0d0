package dev.lookout.output.http;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Active alerts as cards (they wrap on a phone where a wide table would not): firing first. */
final class AlertSection {
  private static final List<String> SEVERITIES = List.of("critical", "warning", "info");
  private static final Comparator<Alert> ORDER = Comparator
      .comparing((Alert a) -> a.state() != AlertState.FIRING)
      .thenComparingInt(AlertSection::severityRank)
      .thenComparing(Alert::alertname)
      .thenComparing(a -> a.labels().toString());

  private AlertSection() {}

  static String render(List<Alert> alerts, Instant now) {
    List<Alert> active = alerts.stream().filter(a -> a.state() != AlertState.RESOLVED)
        .sorted(ORDER).toList();
    long firing = active.stream().filter(a -> a.state() == AlertState.FIRING).count();
    StringBuilder out = new StringBuilder("<section id=\"alerts\"><h2>Alerts <span class=\"dim\">")
        .append(firing).append(" firing, ").append(active.size() - firing).append(" pending</span></h2>\n");
    if (active.isEmpty()) {
      out.append("<p class=\"dim\">No active alerts.</p>\n");
    }
    active.stream().limit(Html.MAX_ROWS).forEach(a -> out.append(card(a, now)));
    if (active.size() > Html.MAX_ROWS) {
      out.append("<p class=\"more\">").append(active.size() - Html.MAX_ROWS)
          .append(" more alerts not shown; all of them are in ")
          .append(Html.link("/api/v1/alerts", "/api/v1/alerts")).append(".</p>\n");
    }
    return out.append("</section>\n").toString();
  }

  /** Unknown severities sort after the known ones, so a typo in a rule is still shown. */
  private static int severityRank(Alert a) {
    int i = SEVERITIES.indexOf(severity(a));
    return i < 0 ? SEVERITIES.size() : i;
  }

  private static String severity(Alert a) {
    return a.labels().getOrDefault("severity", "").toLowerCase(Locale.ROOT);
  }

  private static String card(Alert a, Instant now) {
    boolean firing = a.state() == AlertState.FIRING;
    String sev = severity(a);
    String sevClass = "critical".equals(sev) ? "bad" : "warning".equals(sev) ? "warn" : "info";
    StringBuilder c = new StringBuilder("<div class=\"alert ")
        .append(firing ? "firing" : "pending").append("\" data-alert=\"")
        .append(Html.esc(a.alertname())).append("\">");
    c.append("<div class=\"alert-head\">")
        .append(Html.badge(firing ? "bad" : "warn", firing ? "firing" : "pending")).append(' ')
        .append(Html.badge(sevClass, sev.isEmpty() ? "no severity" : sev)).append(" <b>")
        .append(Html.esc(a.alertname())).append("</b> <span class=\"dim\">")
        .append(firing ? "firing for " : "pending for ")
        .append(Html.ago(firing ? a.firedAt() : a.activeAt(), now).replace(" ago", ""))
        .append("</span></div>\n");
    annotations(c, a.annotations());
    c.append("<div class=\"labels\">").append(labels(a.labels())).append("</div>");
    return c.append("</div>\n").toString();
  }

  private static void annotations(StringBuilder c, Map<String, String> annotations) {
    String summary = annotations.get("summary");
    String description = annotations.get("description");
    if (summary != null) {
      c.append("<p class=\"summary\">").append(Html.esc(summary)).append("</p>\n");
    }
    if (description != null && !description.equals(summary)) {
      c.append("<p class=\"dim\">").append(Html.esc(description)).append("</p>\n");
    }
    String runbook = annotations.get("runbook_url");
    if (runbook != null && !runbook.isBlank()) {
      c.append("<p class=\"runbook\">Runbook: ").append(Html.link(runbook, runbook)).append("</p>\n");
    }
  }

  private static String labels(Map<String, String> labels) {
    StringBuilder out = new StringBuilder();
    labels.forEach((k, v) -> {
      if (!k.equals(Alert.ALERTNAME) && !k.equals("severity")) {
        out.append("<code>").append(Html.esc(k)).append('=').append(Html.esc(v)).append("</code> ");
      }
    });
    return out.toString();
  }
}
