package dev.lookout.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides from two SQL answers whether a local cluster is ready: every node alive and every
 * partition served by an active leader. Kept apart from the polling so it can be tested on rows.
 */
final class Readiness {

  static final String NODES_QUERY = "select name, state from nodes";
  static final String LEADERS_QUERY =
      "select partition_id, effective_mode, replay_status from partition_state";

  private Readiness() {}

  /** What is still missing, or empty when the cluster is ready. */
  static Optional<String> missing(List<JsonNode> nodes, List<JsonNode> partitionStates,
      Set<String> expectedNodes, int partitions) {
    Set<String> alive = new TreeSet<>();
    for (JsonNode row : nodes) {
      if ("alive".equals(row.path("state").asText())) {
        alive.add(row.path("name").asText());
      }
    }
    Set<Integer> led = new TreeSet<>();
    for (JsonNode row : partitionStates) {
      if ("Leader".equals(row.path("effective_mode").asText())
          && "active".equals(row.path("replay_status").asText())) {
        led.add(row.path("partition_id").asInt());
      }
    }
    boolean nodesReady = alive.containsAll(expectedNodes);
    if (nodesReady && led.size() >= partitions) {
      return Optional.empty();
    }
    return Optional.of("alive nodes " + alive + " of " + new TreeSet<>(expectedNodes)
        + "; partitions with an active leader " + led + " of " + partitions);
  }
}
