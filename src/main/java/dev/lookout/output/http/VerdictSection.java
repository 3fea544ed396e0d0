package dev.lookout.output.http;

import java.util.List;

/** The cluster verdict from the health checks: a big OK, or FAILING with each failing check. */
final class VerdictSection {
  private VerdictSection() {}

  static String render(List<HealthCheck> checks) {
    List<HealthCheck> failing = checks.stream().filter(c -> !c.ok()).toList();
    List<HealthCheck> passing = checks.stream().filter(HealthCheck::ok).toList();
    StringBuilder out = new StringBuilder("<section id=\"verdict\" class=\"verdict ")
        .append(failing.isEmpty() ? "ok" : "failing").append("\">")
        .append("<div class=\"big\">").append(failing.isEmpty() ? "OK" : "FAILING").append("</div>\n");
    if (failing.isEmpty()) {
      out.append("<p>").append(checks.size()).append(checks.size() == 1 ? " check passes" : " checks pass")
          .append(".</p>\n");
    } else {
      out.append("<ul>\n");
      failing.forEach(c -> out.append("<li><b>").append(Html.esc(c.name())).append("</b>: ")
          .append(Html.esc(c.detail())).append("</li>\n"));
      out.append("</ul>\n");
    }
    if (!passing.isEmpty() && !failing.isEmpty()) {
      out.append("<details><summary>").append(passing.size()).append(" passing</summary><ul>\n");
      passing.forEach(c -> out.append("<li>").append(Html.esc(c.name())).append("</li>\n"));
      out.append("</ul></details>\n");
    }
    return out.append("</section>\n").toString();
  }
}
