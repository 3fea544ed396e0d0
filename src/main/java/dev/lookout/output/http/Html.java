package dev.lookout.output.http;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * The status page's building blocks. Every value that came from the cluster, a rule template or
 * a target goes through {@link #esc}; the other helpers escape what they are given, so a section
 * only ever concatenates markup it wrote itself with their results.
 */
final class Html {
  /** Long tables stop here; the full data stays one click away in the JSON API. */
  static final int MAX_ROWS = 200;
  /** Shown for a figure the agent could not read; never a guessed zero. */
  static final String UNKNOWN = "–";

  private Html() {}

  /** Text safe inside an element and inside a quoted attribute value. */
  static String esc(Object value) {
    String s = value == null ? "" : value.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** An escaped value, or the unknown mark for null. */
  static String val(Object value) {
    return value == null ? UNKNOWN : esc(value);
  }

  /** A link, but only to http(s) or a path on this server: a `javascript:` URL stays text. */
  static String link(String href, String text) {
    String h = href == null ? "" : href.trim();
    boolean safe = h.startsWith("https://") || h.startsWith("http://")
        || (h.startsWith("/") && !h.startsWith("//"));
    return safe ? "<a href=\"" + esc(h) + "\">" + esc(text) + "</a>" : esc(href);
  }

  /** A coloured word; {@code kind} is one of the page's own class names, never a value. */
  static String badge(String kind, Object text) {
    return "<span class=\"badge " + kind + "\">" + esc(text) + "</span>";
  }

  /** One row of already-built cells; {@code cls} and {@code attrs} are the page's own markup. */
  static String row(String cls, String attrs, String... cells) {
    StringBuilder tr = new StringBuilder("<tr");
    if (!cls.isEmpty()) {
      tr.append(" class=\"").append(cls).append('"');
    }
    tr.append(attrs).append('>');
    for (String cell : cells) {
      tr.append("<td>").append(cell).append("</td>");
    }
    return tr.append("</tr>\n").toString();
  }

  /**
   * A table of the first {@link #MAX_ROWS} items in the order given (problems first is the
   * caller's job), in a box that scrolls sideways on a narrow screen, then how many were left out.
   */
  static <T> String table(String id, List<String> headers, List<T> items, Function<T, String> row) {
    StringBuilder t = new StringBuilder("<div class=\"scroll\"><table id=\"").append(esc(id)).append("\">");
    t.append("<thead><tr>");
    headers.forEach(h -> t.append("<th>").append(esc(h)).append("</th>"));
    t.append("</tr></thead><tbody>\n");
    items.stream().limit(MAX_ROWS).forEach(item -> t.append(row.apply(item)));
    t.append("</tbody></table></div>\n");
    if (items.size() > MAX_ROWS) {
      t.append("<p class=\"more\">").append(items.size() - MAX_ROWS).append(" more rows not shown; all of them are in ")
          .append(link("/api/v1/snapshot", "/api/v1/snapshot")).append(".</p>\n");
    }
    return t.toString();
  }

  /** "3d 4h", "5m 2s": two units are enough to read at a glance. Negative means unknown. */
  static String duration(long seconds) {
    if (seconds < 0) {
      return UNKNOWN;
    }
    long d = seconds / 86_400;
    long h = seconds % 86_400 / 3_600;
    long m = seconds % 3_600 / 60;
    long s = seconds % 60;
    if (d > 0) {
      return d + "d " + h + "h";
    }
    if (h > 0) {
      return h + "h " + m + "m";
    }
    return m > 0 ? m + "m " + s + "s" : s + "s";
  }

  /** How long before {@code now} an instant was, as "5m 2s ago". */
  static String ago(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return d.isNegative() ? "just now" : duration(d.getSeconds()) + " ago";
  }

  /** An ISO instant from a view with its age; text that is no instant is shown as it is. */
  static String instant(String iso, Instant now) {
    if (iso == null || iso.isEmpty()) {
      return UNKNOWN;
    }
    try {
      return esc(iso) + " <span class=\"dim\">(" + ago(Instant.parse(iso), now) + ")</span>";
    } catch (DateTimeParseException e) {
      return esc(iso);
    }
  }
}
