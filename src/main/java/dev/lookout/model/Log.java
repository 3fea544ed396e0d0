package dev.lookout.model;

import java.util.List;

/**
 * A Bifrost log. LSNs are log LSNs (not loglet offsets); {@code trimPoint} is the highest trimmed
 * LSN and {@code tailLsn} the next free LSN. Either is null when the agent could not read it.
 * {@code failuresTolerable} is how many more nodeset members may fail before appends stall:
 * writable members (alive, read-write) minus the replication factor; negative means stalled;
 * null when the replication cannot be read or no node is known.
 */
public record Log(
    int id,
    Long trimPoint,
    Long tailLsn,
    boolean sealed,
    int segments,
    String sequencer,
    String replication,
    List<Integer> nodeset,
    Integer failuresTolerable) {

  public Log {
    nodeset = List.copyOf(nodeset);
  }

  /**
   * Writable members (alive, read-write) of the nodeset minus the replication factor; null when
   * the factor is unknown (negative) or no node is known (counting every member as not writable
   * would report a healthy log as stalled).
   */
  public static Integer failuresTolerable(List<Integer> nodeset, int replicationFactor,
      java.util.Map<Integer, Node> nodes) {
    if (replicationFactor < 0 || nodes.isEmpty()) {
      return null;
    }
    int writable = 0;
    for (int id : nodeset) {
      Node n = nodes.get(id);
      if (n != null && n.state() == Liveness.ALIVE && n.storageState() == StorageState.READ_WRITE) {
        writable++;
      }
    }
    return writable - replicationFactor;
  }

  /** Records held in the log above its trim point, or null when either end is unknown. */
  public Long retainedRecords() {
    return trimPoint == null || tailLsn == null ? null : Math.max(0, tailLsn - 1 - trimPoint);
  }
}
