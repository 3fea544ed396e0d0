package dev.lookout.source.restate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The replication factor as the cluster tables print it. */
class NodeIdsTest {
  @Test
  void replicationFactorIsTheNumberAfterNode() {
    assertEquals(2, NodeIds.replicationFactor("{node: 2}"));
    assertEquals(3, NodeIds.replicationFactor("{zone: 2, node: 3}"));
    assertEquals(5, NodeIds.replicationFactor("{node:5}"));
    assertEquals(-1, NodeIds.replicationFactor("{zone: 2}"));
    assertEquals(-1, NodeIds.replicationFactor("{node: }"));
    assertEquals(-1, NodeIds.replicationFactor(null));
  }
}
