package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `lookout rules check` and `lookout rules test` as a user runs them: exit code and output. */
class RulesCommandTest {
  static final String RULES = "src/test/resources/rules/";
  static final String TESTS = "src/test/resources/rule-tests/";

  private record Run(int exit, String out) {}

  private static Run execute(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString());
  }

  @Test
  void checkPassesAGoodFile() {
    Run run = execute("rules", "check", RULES + "restate.good.yaml");
    assertEquals(0, run.exit());
    assertEquals("Checking " + RULES + "restate.good.yaml\n  SUCCESS: 6 rules found\n\n",
        run.out());
  }

  @Test
  void checkFailsWhenAnyFileIsBad() {
    Run run = execute("rules", "check", RULES + "restate.good.yaml",
        RULES + "unknown-key.bad.yaml");
    assertEquals(1, run.exit());
    assertEquals("Checking " + RULES + "restate.good.yaml\n  SUCCESS: 6 rules found\n\n"
        + "Checking " + RULES + "unknown-key.bad.yaml\n  FAILED:\n"
        + "    " + RULES + "unknown-key.bad.yaml:4:9: missing required key \"expr\" in "
        + "groups[0].rules[0]\n"
        + "    " + RULES + "unknown-key.bad.yaml:6:9: unknown key \"expresion\" in "
        + "groups[0].rules[0] (expected one of: alert, each, expr, for, keep_firing_for, params, "
        + "labels, annotations)\n\n", run.out());
  }

  @Test
  void testPrintsEachReportAndFailsWhenAnyFails() {
    Run run = execute("rules", "test", TESTS + "lifecycle.pass.yaml",
        TESTS + "unknown-alertname.fail.yaml");
    assertEquals(1, run.exit());
    assertEquals("Unit Testing: " + TESTS + "lifecycle.pass.yaml\n  SUCCESS\n\n"
        + "Unit Testing: " + TESTS + "unknown-alertname.fail.yaml\n  FAILED:\n"
        + "    name: expectations name rules that exist,\n"
        + "    alerts[0].alertname: no rule in the rule files is named "
        + "\"RestateLogServerDataloss\"\n\n", run.out());
  }

  @Test
  void testPassesWhenAllPass() {
    Run run = execute("rules", "test", TESTS + "lifecycle.pass.yaml");
    assertEquals(0, run.exit());
  }
}
