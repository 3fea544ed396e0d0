package dev.lookout.rules.testing;

import dev.lookout.config.ConfigException;
import dev.lookout.config.Problem;
import dev.lookout.rules.CompiledRule;
import dev.lookout.rules.RuleSet;
import dev.lookout.rules.testing.TestFile.TestCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Unit tests for alerting rules, in the manner of promtool's {@code test rules}: a test file
 * names rule files, describes a cluster as snapshots over time, and lists the alerts that must be
 * firing at given times. Every test of a file runs even when an earlier one fails.
 */
public final class RuleTests {
  private RuleTests() {}

  /** Runs every test of {@code testFile}; never throws for a bad file, the report says why. */
  public static Report run(Path testFile) {
    ReportText out = new ReportText(testFile.toString());
    try {
      TestFile file = TestFileReader.read(testFile);
      checkFile(testFile, file);
      List<Path> ruleFiles = file.ruleFiles().stream()
          .map(f -> testFile.resolveSibling(f).normalize()).toList();
      List<CompiledRule> rules = RuleSet.load(ruleFiles, file.runbookBase()).rules();
      runTests(file, rules, out);
    } catch (ConfigException e) {
      out.problems(e.problems());
    }
    return out.report(testFile);
  }

  private static void checkFile(Path testFile, TestFile file) throws ConfigException {
    List<Problem> problems = new ArrayList<>();
    if (file.ruleFiles() == null || file.ruleFiles().isEmpty()) {
      problems.add(new Problem(testFile.toString(), 0, 0,
          "rule_files: name at least one rule file, relative to this file"));
    }
    if (file.interval().isZero() || file.interval().isNegative()) {
      problems.add(new Problem(testFile.toString(), 0, 0,
          "evaluation_interval: must be longer than 0s"));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private static void runTests(TestFile file, List<CompiledRule> rules, ReportText out) {
    Set<String> alertnames = rules.stream().map(CompiledRule::alert).collect(Collectors.toSet());
    List<TestCase> tests = file.testsOrEmpty();
    for (int i = 0; i < tests.size(); i++) {
      TestCase test = tests.get(i);
      String name = test.name() == null ? "tests[" + i + "]" : test.name();
      List<String> problems = TestChecks.problems(test, file.interval(), alertnames);
      if (problems.isEmpty()) {
        out.testResult(name, TestRun.run(test, rules, file.interval()));
      } else {
        out.testProblems(name, problems);
      }
    }
  }
}
