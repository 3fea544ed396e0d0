package dev.lookout.rules;

import dev.lookout.config.ConfigException;
import dev.lookout.model.ClusterConfig;
import dev.lookout.model.Liveness;
import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Probe;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.model.StorageState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small model snapshots and one-rule files for the engine tests. */
final class Fixtures {
  private Fixtures() {}

  static Node node(int id, StorageState storage) {
    return new Node(id, 2, "node-" + id, "127.0.0.1:512" + id,
        List.of("admin", "worker", "log-server"), Liveness.ALIVE, storage, "active", "member",
        "1.7.12", Probe.OK, 100);
  }

  static Replica replica(int partition, int node, String mode, Long applied, Long tail) {
    return new Replica(partition, node, mode.toLowerCase(), mode, "active", applied, applied,
        null, tail, null, 0L);
  }

  /**
   * Three nodes (N3 lost its data), two logs (log 1's trim point unknown), partitions 0 and 1
   * on logs 0 and 1; partition 0's replica on N2 is behind the trim point, N3's has no LSN.
   */
  static RestateSnapshot cluster(long atMillis, long tail) {
    List<Node> nodes = List.of(node(1, StorageState.READ_WRITE),
        node(2, StorageState.READ_WRITE), node(3, StorageState.DATA_LOSS));
    List<Log> logs = List.of(new Log(0, 100L, tail, false, 1, "N1", "{node: 2}",
        List.of(1, 2, 3), 0), new Log(1, null, tail, false, 1, "N1", "{node: 2}",
        List.of(1, 2), null));
    List<Partition> partitions = List.of(new Partition(0, 0, 1, 4L, List.of(1, 2, 3)),
        new Partition(1, 1, null, null, List.of(1, 2)));
    List<Replica> replicas = new ArrayList<>(List.of(
        replica(0, 1, "Leader", tail - 1, tail), replica(0, 2, "Follower", 50L, tail),
        replica(0, 3, "Follower", null, tail), replica(1, 1, "Follower", tail - 1, tail),
        replica(1, 9, "Follower", 7L, null)));
    List<Sample> samples = List.of(
        new Sample("restate_partition_blocked_flare", Map.of("node", "N2", "partition", "0",
            "reason", "snapshot-unavailable"), 1),
        new Sample("restate_partition_blocked_flare", Map.of("node", "N3", "partition", "1"), 0));
    return new RestateSnapshot("t", atMillis, "N1", nodes, logs, partitions, replicas,
        new ClusterConfig(2, "{node: 2}", "{node: 2}", Map.of(1, true, 2, false)), samples,
        List.of(), List.of());
  }

  /** A one-rule file around {@code expr}, loaded. */
  static CompiledRule rule(Path dir, String each, String expr, String extra) {
    String yaml = "groups:\n  - name: g\n    rules:\n      - alert: Test\n        each: " + each
        + "\n        expr: '" + expr.replace("'", "''") + "'\n        labels: {severity: info}\n"
        + extra + "        annotations:\n          runbook_url: \"{{ $runbook_base }}/t.md\"\n";
    try {
      Path file = Files.createTempFile(dir, "rule", ".yaml");
      Files.writeString(file, yaml);
      return RuleSet.load(List.of(file), "https://rb").rules().get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
