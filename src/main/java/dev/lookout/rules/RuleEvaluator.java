package dev.lookout.rules;

import dev.lookout.model.History;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.rules.format.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Evaluates compiled rules over snapshots. The joins of a snapshot are computed once and shared
 * by every rule of a tick (and by history functions looking at older snapshots), in a small
 * cache keyed by the snapshot's identity, which keeps them while a rule can still read the
 * snapshot (see {@link #retainOnly}). Never throws for a rule: a failure is a count.
 *
 * <p>Each kind of data has its scopes and no other: Restate scopes run over a Restate snapshot,
 * NATS scopes over a NATS snapshot, {@link Scope#SAMPLE} over samples (a Restate snapshot's own
 * node samples included). A rule given data of another kind has no rows and matches nothing, so
 * one rule file may hold rules for every kind of target.
 */
public final class RuleEvaluator {
  /** A bound in case no one calls {@link #retainOnly}: the oldest facts go first. */
  private static final int CACHED_SNAPSHOTS = 16;

  private final List<SnapshotFacts> facts = new ArrayList<>();
  private final List<NatsFacts> natsFacts = new ArrayList<>();

  /** One match per entity of the rule's scope for which the expression is true. */
  public Evaluation evaluate(CompiledRule rule, RestateSnapshot now,
      History<RestateSnapshot> history) {
    if (rule.scope() == Scope.SAMPLE) {
      return evaluate(rule, now.samples(), now.target());
    }
    if (rule.scope().nats()) {
      return none(rule);
    }
    SnapshotFacts f = facts(now);
    Row r = new Row(rule.slots, rule.historySites);
    r.history = history;
    r.factsOf = this::facts;
    return pass(rule, r, rows(rule, now), i -> r.load(f, rule.scope(), i));
  }

  /** The same for a NATS snapshot. */
  public Evaluation evaluate(CompiledRule rule, NatsSnapshot now, History<NatsSnapshot> history) {
    if (!rule.scope().nats()) {
      return none(rule);
    }
    NatsFacts f = natsFacts(now);
    Row r = new Row(rule.slots, rule.historySites);
    r.natsHistory = history;
    r.natsFactsOf = this::natsFacts;
    return pass(rule, r, f.rows(rule.scope()), i -> f.load(r, rule.scope(), i));
  }

  /** One match per sample for a {@link Scope#SAMPLE} rule, labelled with the sample's labels and {@code target}. */
  public Evaluation evaluate(CompiledRule rule, List<Sample> samples, String target) {
    if (rule.scope() != Scope.SAMPLE) {
      return none(rule);
    }
    Row r = new Row(rule.slots, rule.historySites);
    return pass(rule, r, samples.size(), i -> r.loadSample(samples.get(i), target));
  }

  private static Evaluation none(CompiledRule rule) {
    return new Evaluation(rule.alert(), List.of(), 0, 0, 0);
  }

  private static Evaluation pass(CompiledRule rule, Row r, int rows, IntConsumer load) {
    List<Match> matches = new ArrayList<>();
    int unknown = 0;
    int failures = 0;
    for (int i = 0; i < rows; i++) {
      load.accept(i);
      int result;
      try {
        result = rule.root.eval(r);
      } catch (RuntimeException bug) {
        // A closure should never throw; count it like CEL's own evaluation errors.
        failures++;
        continue;
      }
      if (result == Fn.TRUE) {
        matches.add(rule.match(r));
      } else if (result == Fn.UNKNOWN) {
        unknown++;
      }
    }
    return new Evaluation(rule.alert(), matches, rows, unknown, failures + r.errors);
  }

  private static int rows(CompiledRule rule, RestateSnapshot s) {
    switch (rule.scope()) {
      case NODE: return s.nodes().size();
      case LOG: return s.logs().size();
      case PARTITION: return s.partitions().size();
      case REPLICA: return s.replicas().size();
      default: return 1;
    }
  }

  /**
   * Forgets the facts of every snapshot not in {@code reachable} (compared by identity): once
   * neither a target's newest snapshot nor in its history, no rule can read a snapshot again.
   */
  public synchronized void retainOnly(Collection<?> reachable) {
    Set<Object> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    kept.addAll(reachable);
    facts.removeIf(f -> !kept.contains(f.snapshot));
    natsFacts.removeIf(f -> !kept.contains(f.snapshot));
  }

  synchronized SnapshotFacts facts(RestateSnapshot snapshot) {
    for (SnapshotFacts f : facts) {
      if (f.snapshot == snapshot) {
        return f;
      }
    }
    return remember(facts, new SnapshotFacts(snapshot));
  }

  synchronized NatsFacts natsFacts(NatsSnapshot snapshot) {
    for (NatsFacts f : natsFacts) {
      if (f.snapshot == snapshot) {
        return f;
      }
    }
    return remember(natsFacts, new NatsFacts(snapshot));
  }

  private static <F> F remember(List<F> cache, F f) {
    cache.add(f);
    if (cache.size() > CACHED_SNAPSHOTS) {
      cache.remove(0);
    }
    return f;
  }
}
