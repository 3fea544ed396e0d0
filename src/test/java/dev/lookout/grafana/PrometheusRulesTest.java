package dev.lookout.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rules that watch the watcher load in Prometheus and pass their unit tests, by Prometheus' promtool. */
class PrometheusRulesTest {
  private static final Path RULES = Path.of("rules/prometheus/lookout.yaml");
  private static final Path TESTS = Path.of("rules/prometheus/lookout_test.yaml");

  private record Result(int exit, String output) {}

  private static Result promtool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
    return new Result(p.exitValue(), out);
  }

  @Test
  void promtoolCheckRules() throws Exception {
    Result r = promtool("check", "rules", RULES.toString());
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("SUCCESS"), r.output());
  }

  @Test
  void promtoolTestRules() throws Exception {
    Result r = promtool("test", "rules", TESTS.toString());
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("SUCCESS"), r.output());
  }

  /** Every alert of the rule file is named in an alert_rule_test, so none goes untested. */
  @Test
  void everyRuleHasATest() throws Exception {
    Matcher rules = Pattern.compile("(?m)^\\s*-\\s*alert:\\s*(\\S+)").matcher(Files.readString(RULES));
    String tests = Files.readString(TESTS);
    int count = 0;
    while (rules.find()) {
      count++;
      String name = rules.group(1);
      assertTrue(Pattern.compile("(?m)alertname:\\s*" + name + "\\s*$").matcher(tests).results().count() >= 2,
          name + " needs a firing and a not-firing case in " + TESTS);
    }
    assertTrue(count >= 7, "rules found: " + count);
  }
}
