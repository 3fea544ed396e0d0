package dev.lookout.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lookout.config.ConfigException;
import dev.lookout.config.Problem;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.rules.format.RuleFileParser;
import dev.lookout.rules.format.RuleGroup;
import dev.lookout.rules.format.RuleSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * Any text as a rule file: reading and compiling it (CEL parse and type check included) yields
 * rules or problems that name the file and a 1-based line and column; the rules that compile
 * then evaluate over a small cluster without throwing, and within the time limit. Seeds are the
 * shipped and fixture rule files, in RuleFileFuzzTestInputs/loadAndEvaluate.
 */
@Tag("fuzz")
class RuleFileFuzzTest {
  private static final String FILE = "rules.yaml";
  private static final RestateSnapshot NOW = Fixtures.cluster(10_000, 1000);

  @FuzzTest
  @Timeout(10)
  void loadAndEvaluate(byte[] input) {
    List<RuleGroup> groups;
    try {
      groups = RuleFileParser.parse(FILE, new String(input, StandardCharsets.UTF_8));
    } catch (ConfigException e) {
      assertPositioned(e.problems());
      return;
    }
    List<Problem> problems = new ArrayList<>();
    List<CompiledRule> rules = new ArrayList<>();
    for (RuleGroup g : groups) {
      for (RuleSpec spec : g.rules()) {
        CompiledRule.compile(g.name(), spec, "https://runbooks", problems).ifPresent(rules::add);
      }
    }
    assertPositioned(problems);
    RuleEvaluator evaluator = new RuleEvaluator();
    for (CompiledRule rule : rules) {
      Evaluation e = evaluator.evaluate(rule, NOW);
      assertTrue(e.matches().size() <= e.rows(), rule.alert());
    }
  }

  private static void assertPositioned(List<Problem> problems) {
    for (Problem p : problems) {
      assertEquals(FILE, p.file(), p.toString());
      assertTrue(p.line() >= 1 && p.column() >= 1, "no position: " + p);
      assertFalse(p.message().isBlank(), p.toString());
    }
  }
}
