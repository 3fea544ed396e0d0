package dev.lookout.source.restate;

import dev.lookout.model.Partition;
import dev.lookout.model.Replica;
import dev.lookout.source.restate.arrow.ArrowColumn;
import dev.lookout.source.restate.arrow.ArrowFormatException;
import dev.lookout.source.restate.arrow.ArrowTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds partitions (with their configured replica sets) and one replica per processor row. */
final class PartitionAssembler {
  private PartitionAssembler() {}

  static List<Partition> partitions(ArrowTable partitions, ArrowTable replicaSets) throws ArrowFormatException {
    Map<Integer, List<Integer>> members = replicaSets(replicaSets);
    List<Partition> result = new ArrayList<>(partitions.rowCount());
    for (int row = 0; row < partitions.rowCount(); row++) {
      int id = (int) partitions.column("partition_id").longValue(row);
      int leader = NodeIds.plain(partitions.column("leader_plain_node_id").string(row));
      result.add(new Partition(id, (int) partitions.column("log_id").longValue(row),
          leader < 0 ? null : leader, epoch(partitions.column("leader_epoch").string(row)),
          members.getOrDefault(id, List.of())));
    }
    return result;
  }

  /** Members of the current replica set per partition; "next" members are not yet serving. */
  private static Map<Integer, List<Integer>> replicaSets(ArrowTable t) throws ArrowFormatException {
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int row = 0; row < t.rowCount(); row++) {
      String membership = t.column("membership").string(row);
      if (membership != null && !"current".equals(membership)) {
        continue;
      }
      int node = NodeIds.plain(t.column("plain_node_id").string(row));
      members.computeIfAbsent((int) t.column("partition_id").longValue(row), k -> new ArrayList<>())
          .add(node);
    }
    return members;
  }

  /** "e2" to 2; null when absent. */
  private static Long epoch(String text) {
    if (text == null || text.length() < 2) {
      return null;
    }
    try {
      return Long.parseLong(text.substring(1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Columns are looked up once, not per row; the few distinct texts of a column (modes, replay
   * status, node ids) are shared between rows, since a snapshot of 50,000 replicas is kept for
   * several ticks of history.
   */
  static List<Replica> replicas(ArrowTable t) throws ArrowFormatException {
    ArrowColumn partition = t.column("partition_id");
    ArrowColumn node = t.column("plain_node_id");
    ArrowColumn target = t.column("target_mode");
    ArrowColumn effective = t.column("effective_mode");
    ArrowColumn replay = t.column("replay_status");
    ArrowColumn applied = t.column("applied_log_lsn");
    ArrowColumn durable = t.column("durable_log_lsn");
    ArrowColumn archived = t.column("archived_log_lsn");
    ArrowColumn tail = t.column("target_tail_lsn");
    ArrowColumn broken = t.column("broken_reason");
    ArrowColumn updated = t.column("updated_at");
    SharedStrings shared = new SharedStrings();
    Map<String, Integer> nodeIds = new HashMap<>();
    List<Replica> replicas = new ArrayList<>(t.rowCount());
    for (int row = 0; row < t.rowCount(); row++) {
      String nodeText = node.string(row);
      replicas.add(new Replica((int) partition.longValue(row),
          nodeText == null ? -1 : nodeIds.computeIfAbsent(nodeText, NodeIds::plain),
          shared.orEmpty(target.string(row)), shared.orEmpty(effective.string(row)),
          shared.orEmpty(replay.string(row)), lsn(applied, row), lsn(durable, row),
          lsn(archived, row), lsn(tail, row), broken.string(row), millis(updated, row)));
    }
    return replicas;
  }

  private static Long lsn(ArrowColumn c, int row) {
    return c.isNull(row) ? null : c.longValue(row);
  }

  private static Long millis(ArrowColumn c, int row) {
    return c.isNull(row) ? null : c.epochMillis(row);
  }
}
