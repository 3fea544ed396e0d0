package dev.lookout.source.restate;

import dev.lookout.model.ClusterConfig;
import dev.lookout.model.Liveness;
import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Probe;
import dev.lookout.model.Replica;
import dev.lookout.model.StorageState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the agent must make of the healthy recording, written out by hand from the recorded
 * streams (read with apache-arrow in JS) and protobuf answers, not from the code under test.
 */
final class RecordedCluster {
  private RecordedCluster() {}

  static final List<String> ALL_ROLES =
      List.of("admin", "worker", "metadata-server", "log-server", "http-ingress");
  /** age_s of the recorded IdentResponse, which every fake node answers with. */
  static final long UPTIME = 196;
  /** Samples kept per page: the families in {@link MetricsPages#FAMILIES} present on it. */
  static final int SAMPLES_PER_PAGE = 20;

  /** In the `nodes` table's row order: N3, N2, N1. */
  static final List<Node> NODES = List.of(node(3, 1, "5152"), node(2, 1, "5142"), node(1, 2, "5132"));

  /** Tail LSN: base_lsn of the tail segment + its known_global_tail - 1; trim points from DescribeLog. */
  static final List<Log> LOGS = List.of(
      new Log(0, 0L, 3L, false, 1, "N1:2", "{node: 2}", List.of(1, 3, 2), 1),
      new Log(1, 0L, 3L, false, 2, "N2:1", "{node: 2}", List.of(2, 1, 3), 1),
      new Log(2, 0L, 4L, false, 2, "N2:1", "{node: 2}", List.of(2, 3, 1), 1),
      new Log(3, 0L, 4L, false, 2, "N2:1", "{node: 2}", List.of(2, 1, 3), 1));

  static final List<Partition> PARTITIONS = List.of(
      new Partition(0, 0, 1, 2L, List.of(3, 1)),
      new Partition(1, 1, 2, 2L, List.of(1, 2)),
      new Partition(2, 2, 2, 3L, List.of(3, 2)),
      new Partition(3, 3, 2, 3L, List.of(1, 2)));

  /** In the `partition_state` table's row order. */
  static final List<Replica> REPLICAS = List.of(
      replica(0, 1, "leader", 2, 3, 1795320261903L),
      replica(1, 1, "follower", 2, 3, 1795320262319L),
      replica(3, 1, "follower", 3, 4, 1795320262414L),
      replica(1, 2, "leader", 2, 3, 1795320262318L),
      replica(2, 2, "leader", 3, 4, 1795320262520L),
      replica(3, 2, "leader", 3, 4, 1795320262168L),
      replica(0, 3, "follower", 2, 3, 1795320262066L),
      replica(2, 3, "follower", 3, 4, 1795320262370L));

  /** No node has worker.snapshots.destination set: the table reads "null" for each. */
  static final ClusterConfig CONFIG =
      new ClusterConfig(4, "{node: 2}", "{node: 2}", Map.of(1, false, 2, false, 3, false));

  private static Node node(int id, int generation, String port) {
    return new Node(id, generation, "node-" + id, "http://127.0.0.1:" + port + "/", ALL_ROLES,
        Liveness.ALIVE, StorageState.READ_WRITE, "active", "member", "1.7.12", Probe.OK, UPTIME);
  }

  /** Every recorded replica is active, durable at 0, never archived, not broken. */
  private static Replica replica(int partition, int node, String mode, long applied, long tail,
      long updatedAt) {
    String effective = mode.equals("leader") ? "Leader" : "Follower";
    return new Replica(partition, node, mode, effective, "active", applied, 0L, null, tail, null,
        updatedAt);
  }

  /** The recorded nodes, with one node's probe outcome replaced (uptime unknown unless OK). */
  static List<Node> nodesWithProbe(int id, Probe probe) {
    List<Node> nodes = new ArrayList<>();
    for (Node n : NODES) {
      nodes.add(n.id() != id ? n : new Node(n.id(), n.generation(), n.name(), n.address(), n.roles(),
          n.state(), n.storageState(), n.workerState(), n.metadataServerState(), n.version(), probe,
          probe == Probe.OK ? UPTIME : -1));
    }
    return nodes;
  }
}
