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
import io.micrometer.core.instrument.Tags;
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

  private final GaugeFamilies<RestateSnapshot> families;

  public RestateGauges(MeterRegistry registry) {
    this.families = new GaugeFamilies<>(registry, "restate");
    nodes();
    logs();
    partitions();
    replicas();
  }

  public void update(RestateSnapshot next) {
    families.update(next);
  }

  private <T> void family(String name, String help, Function<RestateSnapshot, List<T>> entities,
      Function<T, Tags> tags, Function<T, Number> value) {
    families.add(name, help, entities, tags, value);
  }

  private void nodes() {
    family("lookout.restate.node.up", "1 if the cluster controller sees the node alive",
        RestateSnapshot::nodes, RestateGauges::nodeTags, n -> n.state() == Liveness.ALIVE ? 1 : 0);
    family("lookout.restate.node.reachable", "1 if the node answered the agent's own probe this tick",
        RestateSnapshot::nodes, RestateGauges::nodeTags, n -> n.probe() == Probe.OK ? 1 : 0);
    family("lookout.restate.node.generation", "Generation of the node id; it grows on every restart",
        RestateSnapshot::nodes, RestateGauges::nodeTags, n -> n.generation() < 0 ? null : n.generation());
    family("lookout.restate.node.uptime.seconds", "Node uptime as the node reports it",
        RestateSnapshot::nodes, RestateGauges::nodeTags, n -> n.uptimeSeconds() < 0 ? null : n.uptimeSeconds());
    family("lookout.restate.node.storage.state", "Log-server storage state: 1 on the current state",
        s -> storageStates(s.nodes()),
        ns -> nodeTags(ns.node()).and("state", ns.state().wireName()),
        ns -> ns.node().storageState() == ns.state() ? 1 : 0);
    family("lookout.restate.node.info", "Node identity and roles; always 1",
        RestateSnapshot::nodes, n -> nodeTags(n).and("version", n.version())
            .and("roles", String.join(",", n.roles())).and("worker_state", n.workerState())
            .and("metadata_server_state", n.metadataServerState()), n -> 1);
    family("lookout.restate.node.snapshot.repository", "1 if the node has a snapshot destination set",
        s -> List.copyOf(s.config().snapshotRepository().entrySet()),
        (Map.Entry<Integer, Boolean> e) -> Tags.of("node", "N" + e.getKey()), e -> e.getValue() ? 1 : 0);
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

  private static Tags nodeTags(Node n) {
    return Tags.of("node", "N" + n.id(), "name", n.name());
  }

  private void logs() {
    family("lookout.restate.log.trim.point", "Highest trimmed LSN of the log",
        RestateSnapshot::logs, RestateGauges::logTags, Log::trimPoint);
    family("lookout.restate.log.tail.lsn", "Next free LSN of the log",
        RestateSnapshot::logs, RestateGauges::logTags, Log::tailLsn);
    family("lookout.restate.log.sealed", "1 if the log's tail segment is sealed",
        RestateSnapshot::logs, RestateGauges::logTags, l -> l.sealed() ? 1 : 0);
    family("lookout.restate.log.segments", "Segments in the log's chain",
        RestateSnapshot::logs, RestateGauges::logTags, Log::segments);
    family("lookout.restate.log.failures.tolerable",
        "Nodeset members that may still fail before appends stall (negative: stalled)",
        RestateSnapshot::logs, RestateGauges::logTags, Log::failuresTolerable);
  }

  private static Tags logTags(Log l) {
    return Tags.of("log", Integer.toString(l.id()));
  }

  private void partitions() {
    family("lookout.restate.partition.has.leader", "1 if the partition has a known leader",
        RestateSnapshot::partitions, RestateGauges::partitionTags, p -> p.leaderNode() == null ? 0 : 1);
    family("lookout.restate.partition.leader.epoch", "Leader epoch of the partition",
        RestateSnapshot::partitions, RestateGauges::partitionTags, Partition::leaderEpoch);
    family("lookout.restate.partition.replicas", "Nodes in the partition's current replica set",
        RestateSnapshot::partitions, RestateGauges::partitionTags, p -> p.replicaSet().size());
  }

  private static Tags partitionTags(Partition p) {
    return Tags.of("partition", Integer.toString(p.id()), "log", Integer.toString(p.logId()));
  }

  private void replicas() {
    replica("applied.lsn", "Last LSN the replica applied", v -> v.replica().appliedLsn());
    replica("durable.lsn", "Last LSN the replica made durable", v -> v.replica().durableLsn());
    replica("archived.lsn", "LSN of the partition's latest archived snapshot", v -> v.replica().archivedLsn());
    replica("target.tail.lsn", "Log tail the replica aims for", v -> v.replica().targetTailLsn());
    replica("lsn.lag", "Records between the replica and the log tail", v -> v.replica().lag());
    replica("trim.distance", "Applied LSN minus the log's trim point (negative: trim gap)",
        v -> v.snapshot().trimDistance(v.replica()));
    replica("records.since.snapshot", "Records applied since the latest archived snapshot",
        v -> v.snapshot().recordsSinceSnapshot(v.replica()));
    replica("broken", "1 if the processor reports itself broken (store ahead of log)",
        v -> v.replica().isBroken() ? 1 : 0);
    family("lookout.restate.replica.status", "Replica mode and replay status; always 1",
        RestateGauges::replicaViews, v -> replicaTags(v).and("mode", v.replica().effectiveMode())
            .and("replay_status", v.replica().replayStatus()), v -> 1);
  }

  private void replica(String suffix, String help, Function<ReplicaView, Number> value) {
    family("lookout.restate.replica." + suffix, help, RestateGauges::replicaViews,
        RestateGauges::replicaTags, value);
  }

  private static List<ReplicaView> replicaViews(RestateSnapshot s) {
    List<ReplicaView> views = new ArrayList<>(s.replicas().size());
    for (Replica r : s.replicas()) {
      views.add(new ReplicaView(r, s));
    }
    return views;
  }

  private static Tags replicaTags(ReplicaView v) {
    return Tags.of("partition", Integer.toString(v.replica().partition()),
        "node", "N" + v.replica().node());
  }
}
