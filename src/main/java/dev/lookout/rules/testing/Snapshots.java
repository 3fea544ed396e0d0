package dev.lookout.rules.testing;

import dev.lookout.model.ClusterConfig;
import dev.lookout.model.Liveness;
import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Probe;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.model.SourceError;
import dev.lookout.model.StorageState;
import dev.lookout.rules.testing.SnapshotSpec.ConfigSpec;
import dev.lookout.rules.testing.SnapshotSpec.LogSpec;
import dev.lookout.rules.testing.SnapshotSpec.NodeSpec;
import dev.lookout.rules.testing.SnapshotSpec.PartitionSpec;
import dev.lookout.rules.testing.SnapshotSpec.ReplicaSpec;
import dev.lookout.rules.testing.SnapshotSpec.SampleSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds model snapshots from test snapshots, filling every field left out with the value of a
 * healthy cluster, so that a test names only what it is about. Specs are checked beforehand
 * ({@link TestChecks}): required ids are present.
 */
final class Snapshots {
  static final String TARGET = "rule-test";
  private static final List<String> ALL_ROLES =
      List.of("admin", "worker", "log-server", "metadata-server", "http-ingress");
  private static final Pattern NODE_REPLICATION =
      Pattern.compile("\\{\\s*node\\s*:\\s*(\\d+)\\s*}");
  private static final String DEFAULT_REPLICATION = "{node: 2}";

  private Snapshots() {}

  /** The snapshot {@code spec} describes, as read at {@code atMillis}. */
  static RestateSnapshot build(SnapshotSpec spec, long atMillis) {
    List<Sample> samples = map(spec.samples(), Snapshots::sample);
    if (Boolean.FALSE.equals(spec.tablesRead())) {
      return new RestateSnapshot(TARGET, atMillis, null, List.of(), List.of(), List.of(),
          List.of(), ClusterConfig.UNKNOWN, samples, List.of(new SourceError("query nodes",
              SourceError.Reason.UNAVAILABLE, "tables_read: false in the rule test")), List.of());
    }
    List<Node> nodes = map(spec.nodes(), Snapshots::node);
    Map<Integer, Node> byId = nodes.stream().collect(
        java.util.stream.Collectors.toMap(Node::id, Function.identity(), (a, b) -> a));
    List<Integer> ids = nodes.stream().map(Node::id).toList();
    List<Log> logs = map(spec.logs(), l -> log(l, ids, byId));
    List<Partition> partitions = map(spec.partitions(), Snapshots::partition);
    List<Replica> replicas = map(spec.replicas(), r -> replica(r, atMillis));
    return new RestateSnapshot(TARGET, atMillis, TARGET, nodes, logs, partitions, replicas,
        config(spec.config(), partitions.size(), nodes), samples, List.of(), List.of());
  }

  /** The replication factor of {@code "{node: N}"}, or -1 when it cannot be read. */
  static int nodeFactor(String replication) {
    Matcher m = replication == null ? null : NODE_REPLICATION.matcher(replication.strip());
    return m != null && m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static Node node(NodeSpec n) {
    int id = n.id();
    return new Node(id, or(n.generation(), 1), or(n.name(), "node-" + id),
        or(n.address(), "http://127.0.0.1:5122/"), or(n.roles(), ALL_ROLES),
        or(n.state(), Liveness.ALIVE), or(n.storageState(), StorageState.READ_WRITE),
        or(n.workerState(), "active"), or(n.metadataServerState(), "member"),
        or(n.version(), "1.7.12"), or(n.probe(), Probe.OK), or(n.uptimeSeconds(), 3600L));
  }

  private static Log log(LogSpec l, List<Integer> allNodes, Map<Integer, Node> byId) {
    String replication = or(l.replication(), DEFAULT_REPLICATION);
    List<Integer> nodeset = or(l.nodeset(), allNodes);
    Integer tolerable = l.failuresTolerable() != null
        ? NullableNumber.intOrDefault(l.failuresTolerable(), null)
        : Log.failuresTolerable(nodeset, nodeFactor(replication), byId);
    return new Log(l.id(), NullableNumber.orDefault(l.trimPoint(), 0L),
        NullableNumber.orDefault(l.tailLsn(), 100L), or(l.sealed(), false), or(l.segments(), 1),
        or(l.sequencer(), "N1:1"), replication, nodeset, tolerable);
  }

  private static Partition partition(PartitionSpec p) {
    return new Partition(p.id(), or(p.logId(), p.id()),
        NullableNumber.intOrDefault(p.leaderNode(), 1),
        NullableNumber.orDefault(p.leaderEpoch(), 1L), or(p.replicaSet(), List.of(1, 2)));
  }

  private static Replica replica(ReplicaSpec r, long atMillis) {
    return new Replica(r.partition(), r.node(), or(r.targetMode(), "follower"),
        or(r.effectiveMode(), "Follower"), or(r.replayStatus(), "active"),
        NullableNumber.orDefault(r.appliedLsn(), 99L),
        NullableNumber.orDefault(r.durableLsn(), 99L),
        NullableNumber.orDefault(r.archivedLsn(), null),
        NullableNumber.orDefault(r.targetTailLsn(), 100L), r.brokenReason(),
        NullableNumber.orDefault(r.updatedAtMillis(), atMillis));
  }

  /**
   * By default every node reported its configuration and none has a snapshot repository, as in a
   * cluster set up without one; an empty map in the test means "not read".
   */
  private static ClusterConfig config(ConfigSpec c, int partitions, List<Node> nodes) {
    Map<Integer, Boolean> noRepository = new java.util.TreeMap<>();
    nodes.forEach(n -> noRepository.put(n.id(), false));
    if (c == null) {
      return new ClusterConfig(partitions, DEFAULT_REPLICATION, DEFAULT_REPLICATION, noRepository);
    }
    return new ClusterConfig(NullableNumber.intOrDefault(c.numPartitions(), partitions),
        or(c.partitionReplication(), DEFAULT_REPLICATION),
        or(c.logReplication(), DEFAULT_REPLICATION), or(c.snapshotRepository(), noRepository));
  }

  private static Sample sample(SampleSpec s) {
    return new Sample(s.name(), or(s.labels(), Map.of()), or(s.value(), 0.0));
  }

  private static <S, T> List<T> map(List<S> specs, Function<S, T> build) {
    return specs == null ? List.of() : specs.stream().map(build).toList();
  }

  private static <T> T or(T given, T fallback) {
    return Objects.requireNonNullElse(given, fallback);
  }
}
