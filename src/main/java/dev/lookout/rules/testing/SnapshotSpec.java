package dev.lookout.rules.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lookout.model.Liveness;
import dev.lookout.model.Probe;
import dev.lookout.model.StorageState;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One snapshot of a rule test as written: only the fields that matter to the test; every field
 * left out (null here) takes the value of a healthy cluster, see {@link Snapshots}. Lists left
 * out are empty: a snapshot never inherits from the one before it. A snapshot with {@code nats}
 * describes a NATS cluster instead of a Restate one.
 */
record SnapshotSpec(
    Duration at,
    List<NodeSpec> nodes,
    List<LogSpec> logs,
    List<PartitionSpec> partitions,
    List<ReplicaSpec> replicas,
    ConfigSpec config,
    List<SampleSpec> samples,
    @JsonProperty("tables_read") Boolean tablesRead,
    NatsSpec nats) {

  record NodeSpec(Integer id, String name, Integer generation, String address,
      List<String> roles, Liveness state, StorageState storageState, String workerState,
      String metadataServerState, String version, Probe probe, Long uptimeSeconds) {}

  record LogSpec(Integer id, NullableNumber trimPoint, NullableNumber tailLsn, Boolean sealed,
      Integer segments, String sequencer, String replication, List<Integer> nodeset,
      NullableNumber failuresTolerable) {}

  record PartitionSpec(Integer id, Integer logId, NullableNumber leaderNode,
      NullableNumber leaderEpoch, List<Integer> replicaSet) {}

  record ReplicaSpec(Integer partition, Integer node, String targetMode, String effectiveMode,
      String replayStatus, NullableNumber appliedLsn, NullableNumber durableLsn,
      NullableNumber archivedLsn, NullableNumber targetTailLsn, String brokenReason,
      NullableNumber updatedAtMillis) {}

  record ConfigSpec(NullableNumber numPartitions, String partitionReplication,
      String logReplication, Map<Integer, Boolean> snapshotRepository) {}

  record SampleSpec(String name, Map<String, String> labels, Double value) {}
}
