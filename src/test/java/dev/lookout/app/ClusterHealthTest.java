package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.model.ClusterConfig;
import dev.lookout.model.Liveness;
import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Probe;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.StorageState;
import dev.lookout.output.http.HealthCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each check of the cluster verdict fails on its own fault, with a message naming the entity. */
class ClusterHealthTest {
  private static Node node(int id, Liveness state, StorageState storage) {
    return new Node(id, 2, "node-" + id, "", List.of("log-server"), state, storage, "active", "member",
        "1.7.12", Probe.OK, 1);
  }

  private static Replica replica(int node, Long applied, String broken) {
    return new Replica(0, node, "follower", "Follower", "active", applied, 0L, null, 20L, broken, 0L);
  }

  private static List<HealthCheck> failing(List<Node> nodes, Integer leader, List<Replica> replicas) {
    RestateSnapshot s = new RestateSnapshot("restate", 0, "n1", nodes,
        List.of(new Log(0, 10L, 20L, false, 1, "N1:2", "{node: 2}", List.of(1, 2), 0)),
        List.of(new Partition(0, 0, leader, 1L, List.of(1, 2))), replicas, ClusterConfig.UNKNOWN,
        List.of(), List.of(), List.of());
    return ClusterHealth.checks(s).stream().filter(c -> !c.ok()).toList();
  }

  @Test
  void aHealthyClusterPassesEveryCheck() {
    assertEquals(List.of(), failing(List.of(node(1, Liveness.ALIVE, StorageState.READ_WRITE)), 1,
        List.of(replica(1, 15L, null))));
  }

  @Test
  void eachFaultFailsItsCheck() {
    List<HealthCheck> checks = failing(List.of(node(1, Liveness.ALIVE, StorageState.READ_WRITE),
        node(2, Liveness.DEAD, StorageState.DATA_LOSS)), null,
        List.of(replica(1, 5L, null), replica(2, 15L, "ahead-of-log")));
    assertEquals(List.of(
        new HealthCheck("restate:nodes-alive", false, "N2:2 (node-2) is dead"),
        new HealthCheck("restate:log-storage", false, "N2:2 storage is data-loss"),
        new HealthCheck("restate:partition-leaders", false, "partition 0 has no leader"),
        new HealthCheck("restate:trim-gaps", false, "partition 0 on N1 is 5 records behind the trim point"),
        new HealthCheck("restate:processors", false, "partition 0 on N2 is broken: ahead-of-log")), checks);
  }

  @Test
  void anUnreadableClusterFailsOneCheck() {
    RestateSnapshot s = new RestateSnapshot("restate", 0, null, List.of(), List.of(), List.of(), List.of(),
        ClusterConfig.UNKNOWN, List.of(), List.of(), List.of());
    assertEquals(List.of(new HealthCheck("restate:cluster-state", false,
        "no admin node answered the cluster tables")), ClusterHealth.checks(s));
  }
}
