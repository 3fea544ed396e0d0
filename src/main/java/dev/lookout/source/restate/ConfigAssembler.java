package dev.lookout.source.restate;

import dev.lookout.model.ClusterConfig;
import dev.lookout.source.restate.arrow.ArrowFormatException;
import dev.lookout.source.restate.arrow.ArrowTable;
import dev.lookout.source.restate.proto.ClusterConfiguration;
import java.util.HashMap;
import java.util.Map;

/** The settings that decide failure tolerance: replication and snapshot repositories. */
final class ConfigAssembler {
  static final String SNAPSHOT_DESTINATION = "worker.snapshots.destination";

  private ConfigAssembler() {}

  /** Either input may be null when its read failed; what is known is still reported. */
  static ClusterConfig config(ArrowTable configTable, ClusterConfiguration configuration) throws ArrowFormatException {
    Map<Integer, Boolean> snapshots = new HashMap<>();
    if (configTable != null) {
      for (int row = 0; row < configTable.rowCount(); row++) {
        if (SNAPSHOT_DESTINATION.equals(configTable.column("key").string(row))) {
          String value = configTable.column("value").string(row);
          // An unset destination reads as the text "null"; a set one may be redacted.
          boolean set = value != null && !value.isEmpty() && !"null".equals(value);
          snapshots.put(NodeIds.plain(configTable.column("plain_node_id").string(row)), set);
        }
      }
    }
    if (configuration == null) {
      return new ClusterConfig(null, null, null, snapshots);
    }
    return new ClusterConfig(configuration.getNumPartitions(),
        configuration.getPartitionReplication().getReplicationProperty(),
        configuration.getBifrostProvider().getReplicationProperty().getReplicationProperty(),
        snapshots);
  }
}
