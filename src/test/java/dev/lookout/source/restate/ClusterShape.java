package dev.lookout.source.restate;

import java.util.ArrayList;
import java.util.List;

/**
 * The size of a simulated cluster and where everything lives in it: partition p writes to log
 * p mod L, is replicated on R consecutive nodes starting at node (p mod N) + 1, and led by the
 * first of them; each log's nodeset is R + 1 nodes (at most N) starting at its own offset.
 * Node n listens on 127.0.0.1:(basePort + n).
 */
public record ClusterShape(int nodes, int partitions, int replication, int logs, int basePort) {
  public ClusterShape {
    if (nodes < 1 || partitions < 1 || logs < 1 || replication < 1 || replication > nodes) {
      throw new IllegalArgumentException("no such cluster: " + nodes + " nodes, " + partitions
          + " partitions, replication " + replication + ", " + logs + " logs");
    }
  }

  /** One log per partition, as Restate creates them, listening from port 26000 up. */
  public static ClusterShape of(int nodes, int partitions, int replication) {
    return new ClusterShape(nodes, partitions, replication, partitions, 26_000);
  }

  public int replicaRows() {
    return partitions * replication;
  }

  /** The plain node ids holding a replica of partition p, the leader first. */
  List<Integer> replicaSet(int partition) {
    List<Integer> set = new ArrayList<>(replication);
    for (int k = 0; k < replication; k++) {
      set.add((partition + k) % nodes + 1);
    }
    return set;
  }

  int leader(int partition) {
    return partition % nodes + 1;
  }

  int logOf(int partition) {
    return partition % logs;
  }

  List<Integer> nodeset(int log) {
    List<Integer> set = new ArrayList<>();
    for (int k = 0; k < Math.min(nodes, replication + 1); k++) {
      set.add((log + k) % nodes + 1);
    }
    return set;
  }

  /** Odd logs were reconfigured once: two segments, the first sealed. */
  int segments(int log) {
    return 1 + log % 2;
  }

  String hostPort(int node) {
    return "127.0.0.1:" + (basePort + node);
  }

  @Override
  public String toString() {
    return nodes + " nodes / " + partitions + " partitions x " + replication;
  }
}
