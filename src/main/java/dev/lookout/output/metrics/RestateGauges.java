package dev.lookout.output.metrics;

import dev.lookout.model.Liveness;
import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Probe;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.StorageState;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Restate cluster model as gauges named `lookout_restate_*`, one series per entity. These
 * names are a public interface: dashboards and users' queries depend on them.
 */
public final class RestateGauges {
  private record NodeState(Node node, StorageState state) {}

  private record ReplicaView(Replica replica, RestateSnapshot snapshot) {}

  private static final List<Label<Node>> NODE_LABELS =
      List.of(Label.of("node", n -> "N" + n.id()), Label.of("name", Node::name));

  private final GaugeFamilies<RestateSnapshot> families;

  public RestateGauges(MeterRegistry registry, MetricsPage page) {
    this.families = new GaugeFamilies<>(registry, page, "restate");
    nodes();
    logs();
    partitions();
    replicas();
  }

  /** Renders the series of {@code next} for /metrics; a snapshot that did not see the cluster keeps the last. */
  public void update(RestateSnapshot next) {
    families.update(next);
  }

  private void nodes() {
    EntityKind<RestateSnapshot, Node> nodes = families.kind(RestateSnapshot::nodes, NODE_LABELS);
    families.add("lookout.restate.node.up", "1 if the cluster controller sees the node alive",
        nodes, n -> n.state() == Liveness.ALIVE ? 1 : 0);
    families.add("lookout.restate.node.reachable", "1 if the node answered the agent's own probe this tick",
        nodes, n -> n.probe() == Probe.OK ? 1 : 0);
    families.add("lookout.restate.node.generation", "Generation of the node id; it grows on every restart",
        nodes, n -> n.generation() < 0 ? null : n.generation());
    families.add("lookout.restate.node.uptime.seconds", "Node uptime as the node reports it",
        nodes, n -> n.uptimeSeconds() < 0 ? null : n.uptimeSeconds());
    families.add("lookout.restate.node.storage.state", "Log-server storage state: 1 on the current state",
        families.kind(s -> storageStates(s.nodes()), List.of(Label.of("node", ns -> "N" + ns.node().id()),
            Label.of("name", ns -> ns.node().name()), Label.of("state", ns -> ns.state().wireName()))),
        ns -> ns.node().storageState() == ns.state() ? 1 : 0);
    families.add("lookout.restate.node.info", "Node identity and roles; always 1", nodes,
        List.of(Label.of("version", Node::version), Label.of("roles", n -> String.join(",", n.roles())),
            Label.of("worker_state", Node::workerState),
            Label.of("metadata_server_state", Node::metadataServerState)), n -> 1);
    families.add("lookout.restate.node.snapshot.repository", "1 if the node has a snapshot destination set",
        families.kind(s -> List.copyOf(s.config().snapshotRepository().entrySet()),
            List.of(Label.of("node", (Map.Entry<Integer, Boolean> e) -> "N" + e.getKey()))),
        e -> e.getValue() ? 1 : 0);
  }

  private static List<NodeState> storageStates(List<Node> nodes) {
    List<NodeState> rows = new ArrayList<>();
    for (Node n : nodes) {
      for (StorageState state : StorageState.values()) {
        if (state != StorageState.UNKNOWN || n.storageState() == StorageState.UNKNOWN) {
          rows.add(new NodeState(n, state));
        }
      }
    }
    return rows;
  }

  private void logs() {
    EntityKind<RestateSnapshot, Log> logs = families.kind(RestateSnapshot::logs,
        List.of(Label.of("log", l -> Integer.toString(l.id()))));
    families.add("lookout.restate.log.trim.point", "Highest trimmed LSN of the log", logs, Log::trimPoint);
    families.add("lookout.restate.log.tail.lsn", "Next free LSN of the log", logs, Log::tailLsn);
    families.add("lookout.restate.log.sealed", "1 if the log's tail segment is sealed",
        logs, l -> l.sealed() ? 1 : 0);
    families.add("lookout.restate.log.segments", "Segments in the log's chain", logs, Log::segments);
    families.add("lookout.restate.log.failures.tolerable",
        "Nodeset members that may still fail before appends stall (negative: stalled)",
        logs, Log::failuresTolerable);
  }

  private void partitions() {
    EntityKind<RestateSnapshot, Partition> partitions = families.kind(RestateSnapshot::partitions,
        List.of(Label.of("partition", p -> Integer.toString(p.id())),
            Label.of("log", p -> Integer.toString(p.logId()))));
    families.add("lookout.restate.partition.has.leader", "1 if the partition has a known leader",
        partitions, p -> p.leaderNode() == null ? 0 : 1);
    families.add("lookout.restate.partition.leader.epoch", "Leader epoch of the partition",
        partitions, Partition::leaderEpoch);
    families.add("lookout.restate.partition.replicas", "Nodes in the partition's current replica set",
        partitions, p -> p.replicaSet().size());
  }

  private void replicas() {
    EntityKind<RestateSnapshot, ReplicaView> replicas = families.kind(RestateGauges::replicaViews,
        List.of(Label.of("partition", v -> Integer.toString(v.replica().partition())),
            Label.of("node", v -> "N" + v.replica().node())));
    replica(replicas, "applied.lsn", "Last LSN the replica applied", v -> v.replica().appliedLsn());
    replica(replicas, "durable.lsn", "Last LSN the replica made durable", v -> v.replica().durableLsn());
    replica(replicas, "archived.lsn", "LSN of the partition's latest archived snapshot",
        v -> v.replica().archivedLsn());
    replica(replicas, "target.tail.lsn", "Log tail the replica aims for", v -> v.replica().targetTailLsn());
    replica(replicas, "lsn.lag", "Records between the replica and the log tail", v -> v.replica().lag());
    replica(replicas, "trim.distance", "Applied LSN minus the log's trim point (negative: trim gap)",
        v -> v.snapshot().trimDistance(v.replica()));
    replica(replicas, "records.since.snapshot", "Records applied since the latest archived snapshot",
        v -> v.snapshot().recordsSinceSnapshot(v.replica()));
    replica(replicas, "broken", "1 if the processor reports itself broken (store ahead of log)",
        v -> v.replica().isBroken() ? 1 : 0);
    families.add("lookout.restate.replica.status", "Replica mode and replay status; always 1", replicas,
        List.of(Label.of("mode", v -> v.replica().effectiveMode()),
            Label.of("replay_status", v -> v.replica().replayStatus())), v -> 1);
  }

  private void replica(EntityKind<RestateSnapshot, ReplicaView> replicas, String suffix, String help,
      Function<ReplicaView, Number> value) {
    families.add("lookout.restate.replica." + suffix, help, replicas, value);
  }

  private static List<ReplicaView> replicaViews(RestateSnapshot s) {
    List<ReplicaView> views = new ArrayList<>(s.replicas().size());
    for (Replica r : s.replicas()) {
      views.add(new ReplicaView(r, s));
    }
    return views;
  }
}
