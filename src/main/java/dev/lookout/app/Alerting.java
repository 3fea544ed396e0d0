package dev.lookout.app;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertRuleState;
import dev.lookout.alerts.Candidate;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.TargetSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.rules.CompiledRule;
import dev.lookout.rules.Evaluation;
import dev.lookout.rules.Match;
import dev.lookout.rules.RuleEvaluator;
import dev.lookout.rules.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates the rules over every target's snapshot and drives each rule's alert lifecycle. A
 * target whose tick could not read the cluster keeps its last good matches for entity rules, so a
 * blind tick neither resolves nor restarts an alert; cluster-scope rules still see the failure.
 * Called from one tick at a time (synchronized), read from HTTP threads through snapshots.
 */
final class Alerting {
  /** What one target offers the rules: how to evaluate a rule on its newest read. */
  interface TargetView {
    String name();

    /** False when the newest read saw nothing: entity rules then keep their last matches. */
    boolean readOk();

    Evaluation evaluate(RuleEvaluator evaluator, CompiledRule rule);

    /** The snapshot its rules read, or null for a view of samples alone. */
    default TargetSnapshot snapshot() {
      return null;
    }
  }

  /** A Restate cluster's newest snapshot; the evaluator keeps what delta and rate need of older ones. */
  record RestateView(String name, RestateSnapshot latest) implements TargetView {
    @Override
    public boolean readOk() {
      return latest.tablesRead();
    }

    @Override
    public Evaluation evaluate(RuleEvaluator evaluator, CompiledRule rule) {
      return evaluator.evaluate(rule, latest);
    }

    @Override
    public TargetSnapshot snapshot() {
      return latest;
    }
  }

  /** A NATS cluster's newest snapshot. */
  record NatsView(String name, NatsSnapshot latest) implements TargetView {
    @Override
    public boolean readOk() {
      return latest.readOk();
    }

    @Override
    public Evaluation evaluate(RuleEvaluator evaluator, CompiledRule rule) {
      return evaluator.evaluate(rule, latest);
    }

    @Override
    public TargetSnapshot snapshot() {
      return latest;
    }
  }

  /** A JVM read over JMX: only `sample` rules see it. */
  record SamplesView(String name, boolean readOk, List<Sample> samples) implements TargetView {
    @Override
    public Evaluation evaluate(RuleEvaluator evaluator, CompiledRule rule) {
      return evaluator.evaluate(rule, samples, name);
    }
  }

  /** One rule's last evaluation, for /api/v1/rules and the per-rule metrics. */
  record RuleStatus(CompiledRule rule, List<Alert> alerts, Instant lastEvaluation,
      double seconds, int errors) {}

  private final RuleEvaluator evaluator = new RuleEvaluator();
  static final String TARGET = "target";
  private final Map<String, AlertRuleState> states = new LinkedHashMap<>();
  private final Map<String, List<Match>> lastGoodMatches = new HashMap<>();
  private volatile List<RuleStatus> statuses = List.of();
  private RuleSet rules;

  Alerting(RuleSet rules) {
    this.rules = rules;
  }

  /** Replaces the rules; alerts of rules that keep their group and name keep their state. */
  synchronized void replace(RuleSet next) {
    this.rules = next;
    states.keySet().retainAll(next.rules().stream().map(Alerting::key).toList());
  }

  /** Rules in different groups may share an alert name (as in Prometheus): state is per rule. */
  static String key(CompiledRule rule) {
    return rule.group() + "/" + rule.alert();
  }

  /** Before the first evaluation: alerts saved by an earlier run, for the rules that still exist. */
  synchronized void restore(Map<String, List<Alert>> saved) {
    for (CompiledRule rule : rules.rules()) {
      List<Alert> alerts = saved.get(key(rule));
      if (alerts != null) {
        stateOf(rule).restore(alerts);
      }
    }
  }

  synchronized void evaluate(List<TargetView> targets, Instant now) {
    List<RuleStatus> next = new ArrayList<>();
    for (CompiledRule rule : rules.rules()) {
      long started = System.nanoTime();
      List<Candidate> candidates = new ArrayList<>();
      int errors = 0;
      for (TargetView t : targets) {
        errors += matches(rule, t, candidates);
      }
      AlertRuleState state = stateOf(rule);
      state.evaluate(candidates, now);
      next.add(new RuleStatus(rule, state.alerts(), now, (System.nanoTime() - started) / 1e9, errors));
    }
    statuses = List.copyOf(next);
    List<TargetSnapshot> latest = new ArrayList<>();
    targets.stream().map(TargetView::snapshot).filter(Objects::nonNull).forEach(latest::add);
    evaluator.retainOnly(latest, rules.rules());
  }

  /** Adds the rule's candidates for one target; returns its evaluation errors. */
  private int matches(CompiledRule rule, TargetView t, List<Candidate> into) {
    String key = key(rule) + "\u0000" + t.name();
    List<Match> matches;
    int errors = 0;
    if (t.readOk() || rule.scope().clusterWide()) {
      Evaluation e = t.evaluate(evaluator, rule);
      matches = e.matches();
      errors = e.errors();
      lastGoodMatches.put(key, matches);
    } else {
      matches = lastGoodMatches.getOrDefault(key, List.of());
    }
    for (Match m : matches) {
      into.add(new Candidate(withTarget(m.labels(), t.name()), m.annotations()));
    }
    return errors;
  }

  /** The same rule matching in two targets (two clusters) makes two alerts, not one. */
  private static Map<String, String> withTarget(Map<String, String> labels, String target) {
    if (target.equals(labels.get(TARGET))) {
      return labels;
    }
    Map<String, String> copy = new LinkedHashMap<>(labels);
    copy.putIfAbsent(TARGET, target);
    return copy;
  }

  private AlertRuleState stateOf(CompiledRule rule) {
    return states.computeIfAbsent(key(rule), k -> new AlertRuleState(rule.alert(),
        rule.spec().forDuration(), rule.spec().keepFiringFor()));
  }

  synchronized Map<String, List<Alert>> byRule() {
    Map<String, List<Alert>> all = new LinkedHashMap<>();
    states.forEach((name, state) -> all.put(name, state.alerts()));
    return all;
  }

  synchronized List<Alert> alerts() {
    List<Alert> all = new ArrayList<>();
    states.values().forEach(s -> all.addAll(s.alerts()));
    return all;
  }

  /**
   * The alerts due for sending now (new, resend interval passed, or newly resolved), marked as
   * sent with {@code validUntil} = now + validFor, as Alertmanager's endsAt for firing alerts.
   */
  synchronized List<Alert> dueForSending(Instant now, Duration resendInterval, Duration validFor) {
    List<Alert> due = new ArrayList<>();
    for (AlertRuleState state : states.values()) {
      for (Alert a : state.alerts()) {
        if (state.needsSending(a, now, resendInterval)) {
          state.markSent(a.labels(), now, now.plus(validFor)).ifPresent(due::add);
        }
      }
    }
    return due;
  }

  List<RuleStatus> statuses() {
    return statuses;
  }
}
