package dev.lookout.app;

import dev.lookout.model.Liveness;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.StorageState;
import dev.lookout.output.http.HealthCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster verdict behind `/health`: checks an uptime checker or probe can act on. These are
 * plain facts of the latest snapshot; alert rules with durations live in the rule files.
 */
final class ClusterHealth {
  private ClusterHealth() {}

  static List<HealthCheck> checks(RestateSnapshot s) {
    String t = s.target() + ":";
    if (!s.tablesRead()) {
      return List.of(new HealthCheck(t + "cluster-state", false, "no admin node answered the cluster tables"));
    }
    return List.of(HealthCheck.pass(t + "cluster-state"), nodesAlive(t, s), storage(t, s),
        leaders(t, s), trimGaps(t, s), processors(t, s));
  }

  private static HealthCheck nodesAlive(String t, RestateSnapshot s) {
    List<String> problems = new ArrayList<>();
    for (Node n : s.nodes()) {
      if (n.state() != Liveness.ALIVE) {
        problems.add(n.genId() + " (" + n.name() + ") is " + n.state().wireName());
      }
    }
    return HealthCheck.of(t + "nodes-alive", problems);
  }

  private static HealthCheck storage(String t, RestateSnapshot s) {
    List<String> problems = new ArrayList<>();
    for (Node n : s.nodes()) {
      StorageState st = n.storageState();
      if (n.hasRole("log-server") && st != StorageState.READ_WRITE && st != StorageState.PROVISIONING) {
        problems.add(n.genId() + " storage is " + st.wireName());
      }
    }
    return HealthCheck.of(t + "log-storage", problems);
  }

  private static HealthCheck leaders(String t, RestateSnapshot s) {
    List<String> problems = new ArrayList<>();
    for (Partition p : s.partitions()) {
      if (p.leaderNode() == null) {
        problems.add("partition " + p.id() + " has no leader");
      }
    }
    return HealthCheck.of(t + "partition-leaders", problems);
  }

  private static HealthCheck trimGaps(String t, RestateSnapshot s) {
    List<String> problems = new ArrayList<>();
    for (Replica r : s.replicas()) {
      Long distance = s.trimDistance(r);
      if (distance != null && distance < 0) {
        problems.add("partition " + r.partition() + " on N" + r.node() + " is "
            + (-distance) + " records behind the trim point");
      }
    }
    return HealthCheck.of(t + "trim-gaps", problems);
  }

  private static HealthCheck processors(String t, RestateSnapshot s) {
    List<String> problems = new ArrayList<>();
    for (Replica r : s.replicas()) {
      if (r.isBroken()) {
        problems.add("partition " + r.partition() + " on N" + r.node() + " is broken: " + r.brokenReason());
      }
    }
    return HealthCheck.of(t + "processors", problems);
  }
}
