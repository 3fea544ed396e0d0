package dev.lookout.output.http;

import dev.lookout.alerts.Alert;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.SourceError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The human view at `/`: one self-contained HTML page (inline style, no scripts, reloads itself)
 * with the verdict first, then alerts, then each cluster's tables with problem rows on top.
 * Every value from the cluster, a rule or a target is escaped by {@link Html}.
 */
public final class StatusPage {
  /** Seconds between the page's own reloads: about one scrape interval. */
  static final int REFRESH_SECONDS = 10;
  private static final List<String> TARGET_HEADERS =
      List.of("Target", "Up", "Last errors", "Last scrape", "Duration", "Type");

  private StatusPage() {}

  public static String render(List<HealthCheck> checks, List<RestateSnapshot> snapshots,
      List<Alert> alerts, List<TargetStatus> targets, Instant now) {
    boolean ok = checks.stream().allMatch(HealthCheck::ok);
    StringBuilder page = new StringBuilder(16_384)
        .append(head(ok))
        .append(header(now))
        .append(VerdictSection.render(checks))
        .append(AlertSection.render(alerts, now));
    snapshots.forEach(s -> page.append(cluster(s, now)));
    return page.append(targets(targets, now)).append("</main></body></html>\n").toString();
  }

  /** The row class for a rank: 2 is a problem, 1 is worth a look, 0 is healthy. */
  static String rowClass(int rank) {
    return rank >= 2 ? "problem" : rank == 1 ? "warn" : "";
  }

  private static String head(boolean ok) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\">\n"
        + "<title>" + (ok ? "OK" : "FAILING") + " · Lookout</title>\n"
        + "<style>\n" + StatusStyle.CSS + "</style></head>\n<body><main>\n";
  }

  private static String header(Instant now) {
    return "<header><h1>Lookout</h1><span class=\"dim\">"
        + Html.esc(now.truncatedTo(ChronoUnit.SECONDS)) + "</span>\n<nav>"
        + Html.link("/health?verbose", "health") + Html.link("/api/v1/alerts", "alerts API")
        + Html.link("/api/v1/snapshot", "snapshot API") + Html.link("/metrics", "metrics")
        + "</nav></header>\n";
  }

  private static String cluster(RestateSnapshot s, Instant now) {
    StringBuilder out = new StringBuilder("<section class=\"cluster\" id=\"cluster-")
        .append(Html.esc(s.target())).append("\"><h2>Cluster ").append(Html.esc(s.target()))
        .append("</h2>\n<p class=\"dim\">read ")
        .append(Html.instant(Instant.ofEpochMilli(s.atMillis()).toString(), now));
    if (s.tablesRead()) {
      out.append(" from ").append(Html.esc(s.queriedNode())).append("</p>\n");
    } else {
      out.append("</p>\n<p class=\"notice\">No admin node answered the cluster tables.</p>\n");
    }
    out.append(readProblems(s));
    return out.append(NodeSection.render(s)).append(LogSection.render(s))
        .append(PartitionSection.render(s)).append("</section>\n").toString();
  }

  /** Failed reads and partial answers, so an empty table is never mistaken for a healthy one. */
  private static String readProblems(RestateSnapshot s) {
    if (!s.partial()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<div class=\"notice\"><b>Incomplete read</b><ul>\n");
    for (SourceError e : s.errors().stream().limit(Html.MAX_ROWS).toList()) {
      out.append("<li>").append(Html.esc(e.what())).append(": ").append(Html.esc(e.reason()))
          .append(": ").append(Html.esc(e.message())).append("</li>\n");
    }
    s.warnings().stream().limit(Html.MAX_ROWS)
        .forEach(w -> out.append("<li>").append(Html.esc(w)).append("</li>\n"));
    return out.append("</ul></div>\n").toString();
  }

  private static String targets(List<TargetStatus> targets, Instant now) {
    List<TargetStatus> sorted = targets.stream()
        .sorted(Comparator.comparing(TargetStatus::up).thenComparing(TargetStatus::name)).toList();
    return "<section id=\"targets\"><h2>Targets</h2>\n"
        + Html.table("targets", TARGET_HEADERS, sorted, t -> targetRow(t, now)) + "</section>\n";
  }

  private static String targetRow(TargetStatus t, Instant now) {
    return Html.row(t.up() ? "" : "problem", " data-target=\"" + Html.esc(t.name()) + "\"",
        Html.esc(t.name()),
        Html.badge(t.up() ? "ok" : "bad", t.up() ? "up" : "down"),
        errors(t.lastErrors()),
        Html.instant(t.lastScrape(), now),
        Math.round(t.lastDurationSeconds() * 1000) + " ms",
        Html.esc(t.type()));
  }

  /** Error messages can be long: they wrap, in a column wide enough to read. */
  private static String errors(List<String> errors) {
    return errors.isEmpty() ? "" : "<span class=\"wrap\">"
        + String.join("<br>", errors.stream().map(Html::esc).toList()) + "</span>";
  }
}
