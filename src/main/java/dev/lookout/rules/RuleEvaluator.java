package dev.lookout.rules;

import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.model.TargetSnapshot;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.rules.format.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;

/**
 * Evaluates compiled rules over snapshots. The joins of a snapshot are computed once and shared
 * by every rule of a tick, in a small cache keyed by the snapshot's identity (see
 * {@link #retainOnly}); what history functions read of older snapshots is kept per target as
 * they are evaluated ({@link TargetPast}). Never throws for a rule: a failure is a count.
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
  /** Each target's past as its rules' history functions read it, by target name. */
  private final Map<String, TargetPast> pasts = new HashMap<>();

  /**
   * One match per entity of the rule's scope for which the expression is true. A snapshot that
   * read the cluster is also remembered for the rule's history functions (see {@link TargetPast}):
   * evaluate a target's snapshots in time order.
   */
  public Evaluation evaluate(CompiledRule rule, RestateSnapshot now) {
    if (rule.scope() == Scope.SAMPLE) {
      return evaluate(rule, now.samples(), now.target());
    }
    if (rule.scope().nats()) {
      return none(rule);
    }
    SnapshotFacts f = facts(now);
    Row r = restateRow(rule, past(rule, now.target()), f);
    return pass(rule, r, rows(rule, now), i -> r.load(f, rule.scope(), i));
  }

  /** The same for a NATS snapshot. */
  public Evaluation evaluate(CompiledRule rule, NatsSnapshot now) {
    if (!rule.scope().nats()) {
      return none(rule);
    }
    NatsFacts f = natsFacts(now);
    int rows = f.rows(rule.scope());
    Row r = row(rule, past(rule, now.target()), now, rows, i -> f.key(rule.scope(), i));
    if (now.readOk()) {
      record(rule, r, now.atMillis(), (w, i) -> f.load(w, rule.scope(), i));
    }
    return pass(rule, r, rows, i -> f.load(r, rule.scope(), i));
  }

  /** The target's past, or null when the rule has no history function to read it. */
  private synchronized TargetPast past(CompiledRule rule, String target) {
    return rule.sites.isEmpty() ? null : pasts.computeIfAbsent(target, t -> new TargetPast());
  }

  /**
   * A row to evaluate {@code rule} over {@code f} with, once {@code f} is recorded in
   * {@code past} (when it read the cluster and the rule has history functions).
   */
  static Row restateRow(CompiledRule rule, TargetPast past, SnapshotFacts f) {
    RestateSnapshot s = f.snapshot;
    Row r = row(rule, past, s, rows(rule, s), i -> f.key(rule.scope(), i));
    if (s.tablesRead()) {
      record(rule, r, s.atMillis(), (w, i) -> w.load(f, rule.scope(), i));
    }
    return r;
  }

  /** A row reading {@code past} (may be null), with the snapshot's rows numbered for it. */
  private static Row row(CompiledRule rule, TargetPast past, Object snapshot, int rows,
      IntFunction<Object> keyOf) {
    Row r = new Row(rule.slots, rule.sites);
    if (past != null) {
      r.past = past;
      r.ids = past.ids(snapshot, rule.scope(), rows, keyOf);
    }
    return r;
  }

  /** Records each history site's field of every row, when its spacing asks for a frame. */
  private static void record(CompiledRule rule, Row r, long atMillis, ObjIntConsumer<Row> load) {
    if (r.past == null) {
      return;
    }
    Row w = new Row(rule.slots, List.of());
    for (HistorySite site : rule.sites) {
      r.past.record(site, atMillis, r.ids, i -> {
        load.accept(w, i);
        long value = site.read().eval(w);
        return w.unknown ? FieldHistory.ABSENT : value;
      });
    }
  }

  /** One match per sample for a {@link Scope#SAMPLE} rule, labelled with the sample's labels and {@code target}. */
  public Evaluation evaluate(CompiledRule rule, List<Sample> samples, String target) {
    if (rule.scope() != Scope.SAMPLE) {
      return none(rule);
    }
    Row r = new Row(rule.slots, List.of());
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
      r.index = i;
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
   * Forgets the facts of every snapshot not in {@code latest} (compared by identity), and the
   * history of targets not named there and of sites none of {@code rules} has.
   */
  public synchronized void retainOnly(Collection<? extends TargetSnapshot> latest,
      Collection<CompiledRule> rules) {
    Set<Object> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    kept.addAll(latest);
    facts.removeIf(f -> !kept.contains(f.snapshot));
    natsFacts.removeIf(f -> !kept.contains(f.snapshot));
    Set<String> targets = new HashSet<>();
    latest.forEach(s -> targets.add(s.target()));
    pasts.keySet().retainAll(targets);
    Set<String> sites = new HashSet<>();
    rules.forEach(r -> r.sites.forEach(site -> sites.add(site.key())));
    pasts.values().forEach(p -> p.retain(sites));
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
