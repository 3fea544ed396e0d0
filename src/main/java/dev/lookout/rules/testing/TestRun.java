package dev.lookout.rules.testing;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertRuleState;
import dev.lookout.alerts.AlertState;
import dev.lookout.alerts.Candidate;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.rules.CompiledRule;
import dev.lookout.rules.Evaluation;
import dev.lookout.rules.Match;
import dev.lookout.rules.RuleEvaluator;
import dev.lookout.rules.format.Scope;
import dev.lookout.rules.testing.TestFile.AlertCheck;
import dev.lookout.rules.testing.TestFile.ExpectedAlert;
import dev.lookout.rules.testing.TestFile.TestCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one checked test: evaluates every rule at 0, 1, 2… evaluation intervals on the snapshot in
 * force, through the same lifecycle as the agent, and compares the firing alerts with each
 * expectation at its time. As in the agent, a snapshot whose tables were not read is kept out of
 * the history and leaves the matches of entity rules as they were; cluster rules still see it.
 */
final class TestRun {
  /** An expectation that did not hold: the alerts that fired instead. */
  record Mismatch(int index, AlertCheck check, List<Alert> got) {}

  /** Mismatches in file order; evaluation errors summed per alert name, in rule order. */
  record Result(List<Mismatch> mismatches, Map<String, Integer> errors) {}

  private final List<CompiledRule> rules;
  private final List<AlertRuleState> states = new ArrayList<>();
  private final List<List<Match>> lastMatches = new ArrayList<>();
  private final Map<String, Integer> errors = new LinkedHashMap<>();
  private final RuleEvaluator evaluator = new RuleEvaluator();

  private TestRun(List<CompiledRule> rules) {
    this.rules = rules;
    for (CompiledRule r : rules) {
      states.add(new AlertRuleState(r.alert(), r.spec().forDuration(), r.spec().keepFiringFor()));
      lastMatches.add(List.of());
    }
  }

  static Result run(TestCase test, List<CompiledRule> rules, Duration interval) {
    TestRun run = new TestRun(rules);
    List<AlertCheck> checks = test.alertsOrEmpty();
    long end = checks.stream().mapToLong(c -> c.at().toMillis()).max().orElse(0);
    List<Mismatch> mismatches = new ArrayList<>();
    for (long t = 0; t <= end; t += interval.toMillis()) {
      SnapshotSpec spec = inForce(test.snapshotsOrEmpty(), t);
      if (spec.nats() != null) {
        run.evaluate(NatsSnapshots.build(spec.nats(), t));
      } else {
        run.evaluate(Snapshots.build(spec, t));
      }
      for (int i = 0; i < checks.size(); i++) {
        AlertCheck check = checks.get(i);
        if (check.at().toMillis() != t) {
          continue;
        }
        List<Alert> got = run.firing(check.alertname());
        if (!matches(check.firingOrEmpty(), got)) {
          mismatches.add(new Mismatch(i, check, got));
        }
      }
    }
    mismatches.sort(Comparator.comparingInt(Mismatch::index));
    return new Result(mismatches, new LinkedHashMap<>(run.errors));
  }

  // Snapshots are checked to start at 0 and to increase, so one is always in force.
  private static SnapshotSpec inForce(List<SnapshotSpec> snapshots, long atMillis) {
    SnapshotSpec found = snapshots.get(0);
    for (SnapshotSpec s : snapshots) {
      if (s.at().toMillis() <= atMillis) {
        found = s;
      }
    }
    return found;
  }

  private void evaluate(RestateSnapshot snapshot) {
    Instant now = Instant.ofEpochMilli(snapshot.atMillis());
    for (int i = 0; i < rules.size(); i++) {
      CompiledRule rule = rules.get(i);
      if (snapshot.tablesRead() || rule.scope() == Scope.CLUSTER) {
        Evaluation e = evaluator.evaluate(rule, snapshot);
        lastMatches.set(i, e.matches());
        if (e.errors() > 0) {
          errors.merge(rule.alert(), e.errors(), Integer::sum);
        }
      }
      List<Candidate> candidates = lastMatches.get(i).stream()
          .map(m -> new Candidate(m.labels(), m.annotations())).toList();
      states.get(i).evaluate(candidates, now);
    }
  }

  /** A NATS snapshot: every rule sees it, those of Restate scopes match nothing on it. */
  private void evaluate(NatsSnapshot snapshot) {
    Instant now = Instant.ofEpochMilli(snapshot.atMillis());
    for (int i = 0; i < rules.size(); i++) {
      Evaluation e = evaluator.evaluate(rules.get(i), snapshot);
      lastMatches.set(i, e.matches());
      if (e.errors() > 0) {
        errors.merge(rules.get(i).alert(), e.errors(), Integer::sum);
      }
      List<Candidate> candidates = e.matches().stream()
          .map(m -> new Candidate(m.labels(), m.annotations())).toList();
      states.get(i).evaluate(candidates, now);
    }
  }

  private List<Alert> firing(String alertname) {
    List<Alert> firing = new ArrayList<>();
    for (AlertRuleState state : states) {
      if (state.ruleName().equals(alertname)) {
        state.alerts().stream().filter(a -> a.state() == AlertState.FIRING).forEach(firing::add);
      }
    }
    return firing;
  }

  /** Order-insensitive; each expected alert claims one firing alert. */
  static boolean matches(List<ExpectedAlert> expected, List<Alert> got) {
    if (expected.size() != got.size()) {
      return false;
    }
    List<Alert> unclaimed = new ArrayList<>(got);
    // Those with annotations first, so that a looser expectation cannot take their alert.
    List<ExpectedAlert> ordered = new ArrayList<>(expected);
    ordered.sort(Comparator.comparing(e -> e.annotations() == null));
    for (ExpectedAlert e : ordered) {
      int found = -1;
      for (int i = 0; i < unclaimed.size() && found < 0; i++) {
        found = satisfies(e, unclaimed.get(i)) ? i : -1;
      }
      if (found < 0) {
        return false;
      }
      unclaimed.remove(found);
    }
    return true;
  }

  private static boolean satisfies(ExpectedAlert e, Alert a) {
    return withoutAlertname(a.labels()).equals(withoutAlertname(e.labelsOrEmpty()))
        && (e.annotations() == null || e.annotations().equals(a.annotations()));
  }

  static Map<String, String> withoutAlertname(Map<String, String> labels) {
    Map<String, String> copy = new java.util.TreeMap<>(labels);
    copy.remove(Alert.ALERTNAME);
    return copy;
  }
}
