package dev.lookout.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  private static final Set<String> NODES = Set.of("node-1", "node-2");

  private static List<JsonNode> rows(String json) {
    return Restatectl.parseRows(json);
  }

  private static final List<JsonNode> ALL_ALIVE = rows("[{\"name\":\"node-1\",\"state\":\"alive\"},"
      + "{\"name\":\"node-2\",\"state\":\"alive\"}]");

  @Test
  void readyWhenAllAliveAndEveryPartitionLed() {
    List<JsonNode> states = rows("[{\"partition_id\":0,\"effective_mode\":\"Leader\","
        + "\"replay_status\":\"active\"},{\"partition_id\":1,\"effective_mode\":\"Leader\","
        + "\"replay_status\":\"active\"},{\"partition_id\":1,\"effective_mode\":\"Follower\","
        + "\"replay_status\":\"active\"}]");
    assertEquals(Optional.empty(), Readiness.missing(ALL_ALIVE, states, NODES, 2));
  }

  @Test
  void candidateOrReplayingLeaderDoesNotCount() {
    List<JsonNode> states = rows("[{\"partition_id\":0,\"effective_mode\":\"Candidate\","
        + "\"replay_status\":\"active\"},{\"partition_id\":1,\"effective_mode\":\"Leader\","
        + "\"replay_status\":\"starting\"}]");
    assertEquals(Optional.of("alive nodes [node-1, node-2] of [node-1, node-2];"
        + " partitions with an active leader [] of 2"),
        Readiness.missing(ALL_ALIVE, states, NODES, 2));
  }

  @Test
  void deadNodeIsMissing() {
    List<JsonNode> nodes = rows("[{\"name\":\"node-1\",\"state\":\"alive\"},"
        + "{\"name\":\"node-2\",\"state\":\"dead\"}]");
    assertEquals(Optional.of("alive nodes [node-1] of [node-1, node-2];"
        + " partitions with an active leader [] of 1"),
        Readiness.missing(nodes, List.of(), NODES, 1));
  }
}
