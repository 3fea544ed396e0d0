package dev.lookout.rules;

import static dev.lookout.rules.Field.bool;
import static dev.lookout.rules.Field.computed;
import static dev.lookout.rules.Field.integer;
import static dev.lookout.rules.Field.nullableBool;
import static dev.lookout.rules.Field.list;
import static dev.lookout.rules.Field.nullable;
import static dev.lookout.rules.Field.string;

import dev.cel.common.types.SimpleType;
import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Replica;
import dev.lookout.model.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The typed view rules have of the model: for each variable, its fields in CEL types and how to
 * read them. Fields follow the model records; a few are derived (counts, lag, trim distance).
 * Unknown model values (null LSNs, generation -1) read as unknown, never as 0.
 */
final class Schema {
  static final Map<String, Map<String, Field>> VARIABLES = Map.of(
      "node", index(nodeFields()), "log", index(logFields()),
      "partition", index(partitionFields()), "replica", index(replicaFields()),
      "cluster", index(clusterFields()), "sample", index(sampleFields()));

  private Schema() {}

  /** The fields of a rule variable, Restate's or NATS's ({@link NatsSchema}); null if none. */
  static Map<String, Field> fields(String variable) {
    Map<String, Field> fields = VARIABLES.get(variable);
    return fields != null ? fields : NatsSchema.VARIABLES.get(variable);
  }

  private static Map<String, Field> index(List<Field> fields) {
    Map<String, Field> map = new LinkedHashMap<>();
    fields.forEach(f -> map.put(f.name(), f));
    return map;
  }

  private static List<Field> nodeFields() {
    Function<Row, Node> n = r -> r.node;
    return List.of(integer("id", n, Node::id),
        computed("generation", r -> unlessNegative(r, r.node == null ? -1 : r.node.generation())),
        string("name", n, Node::name), string("address", n, Node::address),
        list("roles", SimpleType.STRING, n, Node::roles),
        string("state", n, Node::state), string("storageState", n, Node::storageState),
        string("workerState", n, Node::workerState),
        string("metadataServerState", n, Node::metadataServerState),
        string("version", n, Node::version), string("probe", n, Node::probe),
        computed("uptimeSeconds",
            r -> unlessNegative(r, r.node == null ? -1 : r.node.uptimeSeconds())));
  }

  private static List<Field> logFields() {
    Function<Row, Log> l = r -> r.log;
    return List.of(integer("id", l, Log::id), nullable("trimPoint", l, Log::trimPoint),
        nullable("tailLsn", l, Log::tailLsn), bool("sealed", l, Log::sealed),
        integer("segments", l, Log::segments), string("sequencer", l, Log::sequencer),
        string("replication", l, Log::replication),
        list("nodeset", SimpleType.INT, l, Log::nodeset),
        nullable("failuresTolerable", l, Log::failuresTolerable),
        computed("retainedRecords", Schema::retainedRecords));
  }

  private static List<Field> partitionFields() {
    Function<Row, Partition> p = r -> r.partition;
    return List.of(integer("id", p, Partition::id), integer("logId", p, Partition::logId),
        nullable("leaderNode", p, Partition::leaderNode),
        nullable("leaderEpoch", p, Partition::leaderEpoch),
        list("replicaSet", SimpleType.INT, p, Partition::replicaSet),
        integer("replicaSetSize", p, x -> x.replicaSet().size()),
        computed("replicas", r -> count(r, r.facts.partitionReplicas)),
        computed("activeReplicas", r -> count(r, r.facts.partitionActive)),
        computed("leaders", r -> count(r, r.facts.partitionLeaders)),
        // Only the leader's row carries it: a follower that cannot start needs the partition's.
        computed("archivedLsn", Schema::partitionArchived));
  }

  private static List<Field> replicaFields() {
    Function<Row, Replica> x = r -> r.replica;
    return List.of(integer("partition", x, Replica::partition),
        integer("node", x, Replica::node), string("targetMode", x, Replica::targetMode),
        string("effectiveMode", x, Replica::effectiveMode),
        string("replayStatus", x, Replica::replayStatus),
        nullable("appliedLsn", x, Replica::appliedLsn),
        nullable("durableLsn", x, Replica::durableLsn),
        nullable("archivedLsn", x, Replica::archivedLsn),
        nullable("targetTailLsn", x, Replica::targetTailLsn),
        string("brokenReason", x, Replica::brokenReason),
        computed("lag", Schema::lag), computed("trimDistance", Schema::trimDistance),
        computed("recordsSinceSnapshot", Schema::recordsSinceSnapshot),
        bool("isLeader", x, Replica::isLeader), bool("isBroken", x, Replica::isBroken));
  }

  private static List<Field> clusterFields() {
    Function<Row, ClusterFacts> c = r -> r.facts.cluster;
    return List.of(nullable("nodes", c, ClusterFacts::nodes),
        nullable("aliveNodes", c, ClusterFacts::aliveNodes),
        nullable("logServers", c, ClusterFacts::logServers),
        nullable("readWriteLogServers", c, ClusterFacts::readWriteLogServers),
        nullable("partitionReplication", c, ClusterFacts::partitionReplication),
        nullable("logReplication", c, ClusterFacts::logReplication),
        nullableBool("snapshotsEverywhere", c, ClusterFacts::snapshotsEverywhere),
        nullable("snapshotRepositoryNodes", c, ClusterFacts::snapshotRepositoryNodes),
        bool("tablesRead", c, ClusterFacts::tablesRead),
        bool("partial", c, ClusterFacts::partial),
        integer("partitions", c, ClusterFacts::partitions),
        nullable("numPartitions", c, ClusterFacts::numPartitions));
  }

  /** Labels are read as {@code sample.labels["mbean"]}; an absent label is unknown. */
  private static List<Field> sampleFields() {
    Function<Row, Sample> s = r -> r.sample;
    return List.of(string("name", s, Sample::name), Field.dbl("value", s, Sample::value),
        Field.labels("labels", s, Sample::labels), string("target", r -> r.target, t -> t));
  }

  /** The model writes -1 for "not known" in a few int fields. */
  private static long unlessNegative(Row r, long value) {
    r.unknown |= value < 0;
    return value < 0 ? 0 : value;
  }

  private static long count(Row r, int[] counts) {
    if (r.partitionIndex < 0) {
      r.unknown = true;
      return 0;
    }
    return counts[r.partitionIndex];
  }

  private static long partitionArchived(Row r) {
    long lsn = r.partitionIndex < 0 ? -1 : r.facts.partitionArchived[r.partitionIndex];
    return unlessNegative(r, lsn);
  }

  // Derived figures are computed here on primitives, as the model defines them, so that
  // reading them does not box a Long per row.

  private static long retainedRecords(Row r) {
    Log l = r.log;
    if (l == null || l.trimPoint() == null || l.tailLsn() == null) {
      r.unknown = true;
      return 0;
    }
    return Math.max(0, l.tailLsn() - 1 - l.trimPoint());
  }

  private static long lag(Row r) {
    Replica x = r.replica;
    if (x == null || x.targetTailLsn() == null || x.appliedLsn() == null) {
      r.unknown = true;
      return 0;
    }
    return (x.targetTailLsn() - 1) - x.appliedLsn();
  }

  private static long trimDistance(Row r) {
    Replica x = r.replica;
    if (x == null || r.log == null || r.log.trimPoint() == null || x.appliedLsn() == null) {
      r.unknown = true;
      return 0;
    }
    return x.appliedLsn() - r.log.trimPoint();
  }

  private static long recordsSinceSnapshot(Row r) {
    Replica x = r.replica;
    if (x == null || x.appliedLsn() == null) {
      r.unknown = true;
      return 0;
    }
    return Math.max(0, x.appliedLsn() - (x.archivedLsn() == null ? 0 : x.archivedLsn()));
  }
}
