package dev.lookout.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lookout.config.ConfigException;
import dev.lookout.config.Problem;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.rules.format.RuleFileParser;
import dev.lookout.rules.format.RuleGroup;
import dev.lookout.rules.format.Scope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * Any CEL expression in a well-formed rule: it compiles to closures or yields positioned
 * problems, and the closures never throw on any entity of a small cluster with history (the
 * evaluator would count a throw as an error, hiding a bug). An input is the scope on its first
 * line, the params as a YAML map on its second, the expression after; seeds are the shipped
 * rules, in RuleExpressionFuzzTestInputs/compileAndEvaluate.
 */
@Tag("fuzz")
class RuleExpressionFuzzTest {
  private static final RestateSnapshot NOW = Fixtures.cluster(700_000, 1000);
  private static final List<RestateSnapshot> HISTORY =
      List.of(Fixtures.cluster(100_000, 400), Fixtures.cluster(400_000, 700));

  @FuzzTest
  @Timeout(10)
  void compileAndEvaluate(byte[] input) {
    String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 3);
    if (parts.length < 3) {
      return;
    }
    Optional<CompiledRule> rule = compile(parts[0].trim(), parts[1], parts[2]);
    if (rule.isEmpty() || rule.get().scope().nats()) {
      return;
    }
    if (rule.get().scope() == Scope.SAMPLE) {
      new RuleEvaluator().evaluate(rule.get(), NOW.samples(), "t");
      return;
    }
    evaluateEveryEntity(rule.get());
  }

  private static Optional<CompiledRule> compile(String scope, String params, String expr) {
    String yaml = "groups:\n- name: g\n  rules:\n  - alert: Fuzzed\n    each: " + scope
        + "\n    params: " + params + "\n    labels: {severity: info}\n"
        + "    annotations: {runbook_url: \"{{ $runbook_base }}/F.md\", summary: \"{{ $value }}\"}\n"
        + "    expr: |-\n      " + expr.replace("\n", "\n      ") + "\n";
    List<RuleGroup> groups;
    try {
      groups = RuleFileParser.parse("rules.yaml", yaml);
    } catch (ConfigException e) {
      return Optional.empty();
    }
    List<Problem> problems = new ArrayList<>();
    Optional<CompiledRule> rule = groups.isEmpty() || groups.get(0).rules().isEmpty()
        ? Optional.empty()
        : CompiledRule.compile("g", groups.get(0).rules().get(0), "https://rb", problems);
    for (Problem p : problems) {
      assertTrue(p.line() >= 1 && p.column() >= 1, "no position: " + p);
    }
    return rule;
  }

  /** As RuleEvaluator does, but letting a throwing closure fail the test. */
  private static void evaluateEveryEntity(CompiledRule rule) {
    TargetPast past = new TargetPast();
    HISTORY.forEach(s -> RuleEvaluator.restateRow(rule, past, new SnapshotFacts(s)));
    SnapshotFacts facts = new SnapshotFacts(NOW);
    Row r = RuleEvaluator.restateRow(rule, past, facts);
    for (int i = 0; i < rows(rule.scope()); i++) {
      r.load(facts, rule.scope(), i);
      r.index = i;
      if (rule.root.eval(r) == Fn.TRUE) {
        rule.match(r);
      }
    }
  }

  private static int rows(Scope scope) {
    switch (scope) {
      case NODE: return NOW.nodes().size();
      case LOG: return NOW.logs().size();
      case PARTITION: return NOW.partitions().size();
      case REPLICA: return NOW.replicas().size();
      default: return 1;
    }
  }
}
