package dev.lookout.rules.testing;

import dev.lookout.alerts.Alert;
import dev.lookout.config.Durations;
import dev.lookout.config.Problem;
import dev.lookout.rules.testing.TestFile.ExpectedAlert;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a report as promtool's {@code test rules} does: {@code Unit Testing: <file>}, then
 * {@code SUCCESS}, or {@code FAILED:} and one block per failing test. Labels and annotations
 * are printed sorted, alerts in sorted order, so the text is stable and can be compared exactly.
 */
final class ReportText {
  private static final String TEST = "    ";
  private static final String LIST = "        ";
  private static final String ITEM = "            ";

  private final StringBuilder failures = new StringBuilder();
  private final String file;

  ReportText(String file) {
    this.file = file;
  }

  /** The file as a whole could not be tested. */
  void problems(List<Problem> problems) {
    problems.forEach(p -> failures.append(TEST).append(p).append('\n'));
  }

  /** A test that did not run because it is not well formed. */
  void testProblems(String name, List<String> problems) {
    startTest(name);
    problems.forEach(p -> failures.append(TEST).append(p).append('\n'));
  }

  /** A test that ran; nothing is written when it passed. */
  void testResult(String name, TestRun.Result result) {
    if (result.mismatches().isEmpty() && result.errors().isEmpty()) {
      return;
    }
    startTest(name);
    for (TestRun.Mismatch m : result.mismatches()) {
      failures.append(TEST).append("alertname: ").append(m.check().alertname())
          .append(", time: ").append(Durations.format(m.check().at())).append(",\n");
      list("exp", m.check().firingOrEmpty().stream().map(ReportText::expected).toList(), ",");
      list("got", m.got().stream().map(ReportText::got).toList(), "");
    }
    result.errors().forEach((rule, n) -> failures.append(TEST).append("rule ").append(rule)
        .append(": ").append(n).append(n == 1 ? " entity" : " entities")
        .append(" failed to evaluate\n"));
  }

  Report report(java.nio.file.Path path) {
    boolean passed = failures.length() == 0;
    String text = "Unit Testing: " + file + "\n"
        + (passed ? "  SUCCESS\n" : "  FAILED:\n" + failures);
    return new Report(path, passed, text);
  }

  // Failing tests are set apart by a blank line, as promtool does.
  private void startTest(String name) {
    if (failures.length() > 0) {
      failures.append('\n');
    }
    failures.append(TEST).append("name: ").append(name).append(",\n");
  }

  private void list(String label, List<String> items, String after) {
    if (items.isEmpty()) {
      failures.append(LIST).append(label).append(": []").append(after).append('\n');
      return;
    }
    failures.append(LIST).append(label).append(": [\n");
    items.stream().sorted().forEach(i -> failures.append(ITEM).append(i).append('\n'));
    failures.append(LIST).append(']').append(after).append('\n');
  }

  private static String expected(ExpectedAlert e) {
    String labels = braces(TestRun.withoutAlertname(e.labelsOrEmpty()));
    return e.annotations() == null ? labels : labels + " annotations: " + braces(e.annotations());
  }

  private static String got(Alert a) {
    String labels = braces(TestRun.withoutAlertname(a.labels()));
    return a.annotations().isEmpty() ? labels : labels + " annotations: " + braces(a.annotations());
  }

  /** {@code {a="1", b="2"}}, sorted by name, quoted as Prometheus prints label sets. */
  static String braces(Map<String, String> map) {
    return new java.util.TreeMap<>(map).entrySet().stream()
        .map(e -> e.getKey() + "=\"" + escape(e.getValue()) + "\"")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String escape(String value) {
    return value == null ? "null" : value.replace("\\", "\\\\").replace("\"", "\\\"")
        .replace("\n", "\\n");
  }
}
