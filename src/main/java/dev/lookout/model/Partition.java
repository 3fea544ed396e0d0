package dev.lookout.model;

import java.util.List;

/**
 * A partition and the log it writes to. {@code leaderNode} is null while no leader is known;
 * {@code replicaSet} is the configured set of node ids, which may include dead nodes.
 */
public record Partition(
    int id, int logId, Integer leaderNode, Long leaderEpoch, List<Integer> replicaSet) {

  public Partition {
    replicaSet = List.copyOf(replicaSet);
  }
}
