package dev.lookout.rules;

import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanChannel;
import dev.lookout.model.nats.StanDiff;
import dev.lookout.rules.format.Scope;
import java.util.List;

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
  /** Where history functions read the target's past; null means no history. */
  TargetPast past;
  /** The rule's history sites, and the frame each found in this pass (looked up once: the window is fixed). */
  private final List<HistorySite> sites;
  private final FieldHistory.Frame[] frames;
  private final boolean[] looked;
  /** Each row's number in its scope's history frames (see {@link TargetPast#ids}); null without history. */
  int[] ids;
  int index;

  // The NATS counterparts, set by NatsFacts.load; null on Restate rows.
  NatsFacts natsFacts;
  NatsServer server;
  NatsStream stream;
  NatsStream.Replica sreplica;
  StanDiff follower;
  StanChannel channel;
  StanChannel.Subscription sub;

  Row(int slots, List<HistorySite> sites) {
    vars = new Object[slots];
    accus = new long[slots];
    this.sites = sites;
    frames = new FieldHistory.Frame[sites.size()];
    looked = new boolean[sites.size()];
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
   * The value history site {@code site} read of this row's entity at least its window before this
   * row's snapshot, or {@link FieldHistory#ABSENT} when there is none that old (or the entity or
   * its value was absent then).
   */
  long pastValue(int site) {
    FieldHistory.Frame frame = frame(site);
    return frame == null ? FieldHistory.ABSENT : frame.value(ids[index]);
  }

  /** When the frame {@link #pastValue} read was taken; only after it found one. */
  long pastMillis(int site) {
    return frames[site].atMillis();
  }

  private FieldHistory.Frame frame(int site) {
    if (!looked[site]) {
      looked[site] = true;
      frames[site] = past == null ? null : past.frame(sites.get(site), atMillis());
    }
    return frames[site];
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

}
