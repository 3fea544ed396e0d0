package dev.lookout.rules;

import dev.lookout.model.History;
import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanChannel;
import dev.lookout.model.nats.StanDiff;
import dev.lookout.rules.format.Scope;

/**
 * The mutable state of evaluating one rule over one entity at a time: the variables in scope
 * (null when the entity is unknown, e.g. a replica on a node missing from {@code nodes}), the
 * unknown flag of {@link Fn}, and slots for comprehension variables. One Row is reused for
 * every entity of one rule's pass, so a pass allocates nothing per row.
 */
final class Row {
  SnapshotFacts facts;
  Node node;
  Log log;
  Partition partition;
  int partitionIndex = -1;
  Replica replica;
  /** In the sample scope only: the sample and the target it was read from; facts is null. */
  Sample sample;
  String target;
  boolean unknown;
  /** Errors CEL would raise on present values (overflow, division by zero), counted per pass. */
  int errors;
  /**
   * Loop iterations left for the current entity. Load-time estimates assume model lists of
   * {@link StepEstimate#MODEL_LIST}; this stops a rule whose lists turn out far longer.
   */
  private long stepsLeft = StepEstimate.MAX_STEPS;

  final Object[] vars;
  final long[] accus;
  /** Where history functions get older snapshots; null means no history. */
  History<RestateSnapshot> history;
  private final Row[] past;
  private final SnapshotFacts[] pastFacts;
  /** Turns an older snapshot into its facts; the evaluator caches them across rules. */
  java.util.function.Function<RestateSnapshot, SnapshotFacts> factsOf;

  // The NATS counterparts, set by NatsFacts.load; null on Restate rows.
  NatsFacts natsFacts;
  /** The row's index in its scope's rows of {@code natsFacts}, for history look-ups. */
  int natsIndex;
  NatsServer server;
  NatsStream stream;
  NatsStream.Replica sreplica;
  StanDiff follower;
  StanChannel channel;
  StanChannel.Subscription sub;
  History<NatsSnapshot> natsHistory;
  java.util.function.Function<NatsSnapshot, NatsFacts> natsFactsOf;
  private NatsFacts[] pastNatsFacts;

  Row(int slots, int historySites) {
    vars = new Object[slots];
    accus = new long[slots];
    past = new Row[historySites];
    pastFacts = new SnapshotFacts[historySites];
  }

  void load(SnapshotFacts f, Scope scope, int i) {
    facts = f;
    unknown = false;
    stepsLeft = StepEstimate.MAX_STEPS;
    node = null;
    log = null;
    partition = null;
    partitionIndex = -1;
    replica = null;
    switch (scope) {
      case NODE -> node = f.snapshot.nodes().get(i);
      case LOG -> log = f.snapshot.logs().get(i);
      case PARTITION -> loadPartition(f, i);
      case REPLICA -> loadReplica(f, i);
      case CLUSTER -> { }
      default -> throw new IllegalStateException("scope " + scope);
    }
  }

  void loadSample(Sample s, String from) {
    unknown = false;
    stepsLeft = StepEstimate.MAX_STEPS;
    sample = s;
    target = from;
  }

  private void loadPartition(SnapshotFacts f, int i) {
    partition = f.snapshot.partitions().get(i);
    partitionIndex = i;
    log = f.partitionLog[i];
  }

  private void loadReplica(SnapshotFacts f, int i) {
    replica = f.snapshot.replicas().get(i);
    node = f.replicaNode[i];
    log = f.replicaLog[i];
    partitionIndex = f.replicaPartition[i];
    partition = partitionIndex < 0 ? null : f.snapshot.partitions().get(partitionIndex);
  }

  /**
   * This row's entity in the newest snapshot at least {@code windowMillis} older than this
   * row's, or null when history has none that old (or the entity was absent then). The
   * snapshot is looked up once per pass and history site, since the window is fixed.
   */
  Row past(Scope scope, long windowMillis, int site) {
    if (natsFacts != null) {
      return pastNats(scope, windowMillis, site);
    }
    SnapshotFacts older = pastFacts[site];
    if (older == null) {
      long now = facts.snapshot.atMillis();
      RestateSnapshot s = history == null ? null : history.before(now, windowMillis);
      if (s == null || s.atMillis() > now - windowMillis || s == facts.snapshot) {
        return null;
      }
      older = pastFacts[site] = factsOf.apply(s);
    }
    return same(scope, older, site);
  }

  /**
   * This row's entity as it was in {@code older}, in the Row kept for history call site
   * {@code site}; null when the entity did not exist then.
   */
  private Row same(Scope scope, SnapshotFacts older, int site) {
    Row then = past[site];
    if (then == null) {
      then = past[site] = new Row(0, 0);
    }
    int index = indexIn(scope, older);
    if (index < 0) {
      return null;
    }
    then.load(older, scope, index);
    return then;
  }

  /** Clears the row for a NATS entity of {@code f}; NatsFacts.load sets the entity. */
  void loadNats(NatsFacts f) {
    natsFacts = f;
    unknown = false;
    stepsLeft = StepEstimate.MAX_STEPS;
    server = null;
    stream = null;
    sreplica = null;
    follower = null;
    channel = null;
    sub = null;
  }

  /**
   * Takes one loop iteration from the entity's budget; false once it is spent, when the loop
   * must stop with an unknown result. Running out counts as one evaluation error.
   */
  boolean step() {
    if (stepsLeft > 0) {
      stepsLeft--;
      return true;
    }
    if (stepsLeft == 0) {
      stepsLeft = -1;
      errors++;
    }
    return false;
  }

  /** When this row's snapshot was read. */
  long atMillis() {
    return natsFacts != null ? natsFacts.snapshot.atMillis() : facts.snapshot.atMillis();
  }

  /** {@link #past} for NATS rows: the same entity found by its key in the older snapshot. */
  private Row pastNats(Scope scope, long windowMillis, int site) {
    if (pastNatsFacts == null) {
      pastNatsFacts = new NatsFacts[past.length];
    }
    NatsFacts older = pastNatsFacts[site];
    if (older == null) {
      long now = natsFacts.snapshot.atMillis();
      NatsSnapshot s = natsHistory == null ? null : natsHistory.before(now, windowMillis);
      if (s == null || s.atMillis() > now - windowMillis || s == natsFacts.snapshot) {
        return null;
      }
      older = pastNatsFacts[site] = natsFactsOf.apply(s);
    }
    int index = older.index(scope, natsFacts.key(scope, natsIndex));
    if (index < 0) {
      return null;
    }
    Row then = past[site];
    if (then == null) {
      then = past[site] = new Row(0, 0);
    }
    older.load(then, scope, index);
    then.natsIndex = index;
    return then;
  }

  private int indexIn(Scope scope, SnapshotFacts older) {
    RestateSnapshot s = older.snapshot;
    switch (scope) {
      case NODE: return s.nodes().indexOf(s.node(node.id()));
      case LOG: return s.logs().indexOf(s.log(log.id()));
      case PARTITION: return older.partitionIndex(partition.id());
      case REPLICA: return older.replicaIndex(replica.partition(), replica.node());
      default: return 0;
    }
  }
}
