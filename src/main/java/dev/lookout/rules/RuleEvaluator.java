package dev.lookout.rules;

import dev.lookout.model.History;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.rules.format.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates compiled rules over snapshots. The joins of a snapshot are computed once and shared
 * by every rule of a tick (and by history functions looking at older snapshots), in a small
 * cache keyed by the snapshot's identity. Never throws for a rule: a failure is a count.
 *
 * <p>Rules of the {@link Scope#SAMPLE} scope run over samples and the others over the Restate
 * model, never across: given a snapshot, a sample rule runs over the snapshot's own samples;
 * given samples alone, a rule of another scope has no rows and matches nothing.
 */
public final class RuleEvaluator {
  private static final int CACHED_SNAPSHOTS = 16;

  private final Map<RestateSnapshot, SnapshotFacts> facts =
      new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RestateSnapshot, SnapshotFacts> eldest) {
          return size() > CACHED_SNAPSHOTS;
        }
      };

  /** One match per entity of the rule's scope for which the expression is true. */
  public Evaluation evaluate(CompiledRule rule, RestateSnapshot now,
      History<RestateSnapshot> history) {
    if (rule.scope() == Scope.SAMPLE) {
      return evaluate(rule, now.samples(), now.target());
    }
    SnapshotFacts f = facts(now);
    Row r = new Row(rule.slots, rule.historySites);
    r.history = history;
    r.factsOf = this::facts;
    int rows = rows(rule, now);
    List<Match> matches = new ArrayList<>();
    int[] counts = new int[2]; // unknown, failures
    for (int i = 0; i < rows; i++) {
      r.load(f, rule.scope(), i);
      add(rule, r, matches, counts);
    }
    return new Evaluation(rule.alert(), matches, rows, counts[0], counts[1] + r.errors);
  }

  /**
   * One match per sample for which a {@link Scope#SAMPLE} rule's expression is true, labelled
   * with the sample's labels and {@code target}. A rule of any other scope gets no rows.
   */
  public Evaluation evaluate(CompiledRule rule, List<Sample> samples, String target) {
    if (rule.scope() != Scope.SAMPLE) {
      return new Evaluation(rule.alert(), List.of(), 0, 0, 0);
    }
    Row r = new Row(rule.slots, rule.historySites);
    List<Match> matches = new ArrayList<>();
    int[] counts = new int[2]; // unknown, failures
    for (Sample s : samples) {
      r.loadSample(s, target);
      add(rule, r, matches, counts);
    }
    return new Evaluation(rule.alert(), matches, samples.size(), counts[0],
        counts[1] + r.errors);
  }

  /** Evaluates the loaded row: a match, an unknown or a failure. */
  private static void add(CompiledRule rule, Row r, List<Match> matches, int[] counts) {
    int result;
    try {
      result = rule.root.eval(r);
    } catch (RuntimeException bug) {
      // A closure should never throw; count it like CEL's own evaluation errors.
      counts[1]++;
      return;
    }
    if (result == Fn.TRUE) {
      matches.add(rule.match(r));
    } else if (result == Fn.UNKNOWN) {
      counts[0]++;
    }
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

  synchronized SnapshotFacts facts(RestateSnapshot snapshot) {
    return facts.computeIfAbsent(snapshot, SnapshotFacts::new);
  }
}
