package dev.lookout.output.http;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import dev.lookout.model.ClusterConfig;
import dev.lookout.model.Liveness;
import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Probe;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.StorageState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster in trouble for the status page tests: N2 dead, N3 with data loss and a script in its
 * name, partition 0 on N4 below the trim point, partition 1 without a leader, partition 2 on N1
 * lagging; a firing critical alert with a runbook link and a script in its summary.
 */
final class StatusFixtures {
  static final Instant NOW = Instant.parse("2026-11-22T04:10:00Z");
  static final String RUNBOOK = "https://runbooks.example/RestateNodeDead.md";
  static final String EVIL_NAME = "n3<script>alert(1)</script>";
  private static final List<String> ALL_ROLES = List.of("admin", "log-server", "metadata-server", "worker");

  private StatusFixtures() {}

  static RestateSnapshot troubled() {
    List<Node> nodes = List.of(
        node(1, "n1", Liveness.ALIVE, StorageState.READ_WRITE, Probe.OK, 3_700),
        node(4, "n4", Liveness.ALIVE, StorageState.READ_WRITE, Probe.OK, 90_000),
        node(2, "n2", Liveness.DEAD, StorageState.READ_WRITE, Probe.UNREACHABLE, -1),
        node(3, EVIL_NAME, Liveness.ALIVE, StorageState.DATA_LOSS, Probe.OK, 125));
    List<Log> logs = List.of(
        new Log(0, 100L, 5_000L, false, 1, "N1:1", "{node: 2}", List.of(1, 2, 3), -1),
        new Log(1, 10L, 20_000L, false, 1, "N4:1", "{node: 2}", List.of(1, 4), 0),
        new Log(2, null, null, false, 1, "N1:1", "{node: 1}", List.of(1), 0));
    List<Partition> partitions = List.of(new Partition(0, 0, 1, 3L, List.of(1, 4)),
        new Partition(1, 1, null, null, List.of(4)), new Partition(2, 1, 4, 7L, List.of(1, 4)));
    List<Replica> replicas = List.of(
        replica(0, 1, "Leader", 4_999L, 5_000L, null),
        replica(0, 4, "Follower", 50L, 5_000L, null),
        replica(1, 4, "Follower", 19_999L, 20_000L, null),
        replica(2, 4, "Leader", 19_999L, 20_000L, null),
        replica(2, 1, "Follower", 100L, 20_000L, null));
    return snapshot(nodes, logs, partitions, replicas);
  }

  static RestateSnapshot snapshot(List<Node> nodes, List<Log> logs, List<Partition> partitions,
      List<Replica> replicas) {
    return new RestateSnapshot("prod", NOW.minusSeconds(4).toEpochMilli(), "N1:1", nodes, logs,
        partitions, replicas, ClusterConfig.UNKNOWN, List.of(), List.of(), List.of());
  }

  /** {@code count} healthy partitions, each led by N1 on log 0. */
  static RestateSnapshot manyPartitions(int count) {
    List<Partition> partitions = new ArrayList<>();
    List<Replica> replicas = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      partitions.add(new Partition(i, 0, 1, 1L, List.of(1)));
      replicas.add(replica(i, 1, "Leader", 10L, 11L, null));
    }
    return snapshot(List.of(node(1, "n1", Liveness.ALIVE, StorageState.READ_WRITE, Probe.OK, 60)),
        List.of(new Log(0, 0L, 11L, false, 1, "N1:1", "{node: 1}", List.of(1), 0)), partitions, replicas);
  }

  static Node node(int id, String name, Liveness state, StorageState storage, Probe probe, long uptime) {
    return new Node(id, 1, name, "http://127.0.0.1:" + (5121 + id), ALL_ROLES, state, storage,
        "active", "member", "1.4.0", probe, uptime);
  }

  static Replica replica(int partition, int node, String mode, Long applied, Long tail, String broken) {
    return new Replica(partition, node, mode, mode, "Active", applied, applied, null, tail, broken,
        NOW.toEpochMilli());
  }

  static List<Alert> alerts() {
    return List.of(
        pending("RestateFollowerLagHigh", "warning", "Partition 2 on N1 is behind"),
        firing("RestateLogStorageDataLoss", "warning", "N3 lost data", "https://runbooks.example/DataLoss.md"),
        resolved("RestateOldProblem"),
        firing("RestateNodeDead", "critical", "Node N2 <script>alert('x')</script> is dead", RUNBOOK));
  }

  static Alert firing(String name, String severity, String summary, String runbook) {
    return new Alert(Map.of("alertname", name, "severity", severity, "cluster", "prod"),
        Map.of("summary", summary, "runbook_url", runbook), AlertState.FIRING,
        NOW.minusSeconds(400), NOW.minusSeconds(300), null, NOW, null, null);
  }

  static Alert pending(String name, String severity, String summary) {
    return Alert.pending(Map.of("alertname", name, "severity", severity), Map.of("summary", summary),
        NOW.minusSeconds(30));
  }

  private static Alert resolved(String name) {
    return new Alert(Map.of("alertname", name, "severity", "critical"), Map.of(), AlertState.RESOLVED,
        NOW.minusSeconds(900), NOW.minusSeconds(800), NOW.minusSeconds(60), NOW.minusSeconds(60), null, null);
  }

  static List<HealthCheck> checks() {
    return List.of(HealthCheck.pass("prod:cluster-state"),
        new HealthCheck("prod:nodes-alive", false, "N2:1 (n2) is dead"),
        new HealthCheck("prod:log-storage", false, "N3:1 storage is data-loss"),
        HealthCheck.pass("prod:processors"));
  }

  static List<TargetStatus> targets() {
    return List.of(new TargetStatus("prod", "restate", true, NOW.minusSeconds(4).toString(), 0.042, List.of(),
        NOW.minusSeconds(4).toString()),
        new TargetStatus("edge", "restate", false, NOW.minusSeconds(90).toString(), 2.0,
            List.of("N1 GetIdent: timeout: <deadline> exceeded"), NOW.minusSeconds(300).toString()));
  }
}
