package dev.lookout.model;

import java.util.Map;

/**
 * Cluster-wide settings that decide how much failure the cluster can absorb.
 * {@code snapshotRepository} maps a node id to whether that node has a snapshot destination.
 */
public record ClusterConfig(
    Integer numPartitions,
    String partitionReplication,
    String logReplication,
    Map<Integer, Boolean> snapshotRepository) {

  public static final ClusterConfig UNKNOWN = new ClusterConfig(null, null, null, Map.of());

  public ClusterConfig {
    snapshotRepository = Map.copyOf(snapshotRepository);
  }

  /** True only when every node that reported its configuration has a snapshot destination. */
  public boolean snapshotsEverywhere() {
    return !snapshotRepository.isEmpty() && !snapshotRepository.containsValue(false);
  }
}
