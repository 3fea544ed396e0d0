package dev.lookout.source.restate;

import static dev.lookout.source.restate.ArrowStreamWriter.Kind.BOOL;
import static dev.lookout.source.restate.ArrowStreamWriter.Kind.TIMESTAMP_MS_UTC;
import static dev.lookout.source.restate.ArrowStreamWriter.Kind.UINT32;
import static dev.lookout.source.restate.ArrowStreamWriter.Kind.UINT64;
import static dev.lookout.source.restate.ArrowStreamWriter.Kind.UTF8;

import dev.lookout.source.restate.ArrowStreamWriter.Column;
import dev.lookout.source.restate.ArrowStreamWriter.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The eight tables the agent queries, for a {@link ClusterShape}, as Arrow IPC streams shaped like
 * the recorded ones: the same columns, types and nullability; fan-out tables (config, loglet
 * workers, tail segments) in one record batch per answering node; partition_state in batches of
 * at most 8,192 rows (DataFusion's default batch size). Every log's tail LSN is 2000 + its id;
 * replicas are caught up and healthy.
 */
final class SimulatedTables {
  static final int BATCH_ROWS = 8192;
  static final long UPDATED_AT = 1_795_320_262_000L;
  static final long SECOND_SEGMENT_BASE = 1001;

  private final ClusterShape shape;

  private SimulatedTables(ClusterShape shape) {
    this.shape = shape;
  }

  static Map<Queries, byte[]> of(ClusterShape shape) {
    SimulatedTables t = new SimulatedTables(shape);
    Map<Queries, byte[]> tables = new EnumMap<>(Queries.class);
    tables.put(Queries.NODES, t.nodes());
    tables.put(Queries.PARTITION_STATE, t.partitionState());
    tables.put(Queries.REPLICA_SET, t.replicaSets());
    tables.put(Queries.PARTITIONS, t.partitions());
    tables.put(Queries.LOGS, t.segments(false));
    tables.put(Queries.TAIL_SEGMENTS, t.segments(true));
    tables.put(Queries.LOGLET_WORKERS, t.logletWorkers());
    tables.put(Queries.CONFIG, t.config());
    return tables;
  }

  /** Next free LSN of a log. */
  static long tailLsn(int log) {
    return 2000 + log;
  }

  private static List<Column> columns(Object... nameKind) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < nameKind.length; i += 2) {
      columns.add(new Column((String) nameKind[i], (Kind) nameKind[i + 1]));
    }
    return columns;
  }

  private byte[] nodes() {
    List<Object[]> rows = new ArrayList<>();
    for (int n = shape.nodes(); n >= 1; n--) {
      rows.add(new Object[] {"N" + n, "N" + n + ":1", "alive", "node-" + n,
          "http://" + shape.hostPort(n) + "/", true, true, true, true, true, "read-write", "active",
          "member", "1.7.12"});
    }
    return ArrowStreamWriter.write(columns("plain_node_id", UTF8, "gen_node_id", UTF8, "state", UTF8,
        "name", UTF8, "address", UTF8, "has_admin_role", BOOL, "has_worker_role", BOOL,
        "has_metadata_server_role", BOOL, "has_log_server_role", BOOL, "has_ingress_role", BOOL,
        "storage_state", UTF8, "worker_state", UTF8, "metadata_server_state", UTF8,
        "binary_version", UTF8), List.of(rows));
  }

  /** Grouped by node, as the recorded table is: each node reports its own processors. */
  private byte[] partitionState() {
    List<Object[]> rows = new ArrayList<>(shape.replicaRows());
    for (int n = 1; n <= shape.nodes(); n++) {
      for (int p = 0; p < shape.partitions(); p++) {
        if (shape.replicaSet(p).contains(n)) {
          rows.add(replicaRow(p, n));
        }
      }
    }
    return ArrowStreamWriter.write(columns("partition_id", UINT32, "plain_node_id", UTF8,
        "gen_node_id", UTF8, "target_mode", UTF8, "effective_mode", UTF8, "updated_at",
        TIMESTAMP_MS_UTC, "applied_log_lsn", UINT64, "replay_status", UTF8, "durable_log_lsn", UINT64,
        "archived_log_lsn", UINT64, "target_tail_lsn", UINT64, "broken_reason", UTF8),
        chunks(rows, BATCH_ROWS));
  }

  private Object[] replicaRow(int p, int n) {
    boolean leader = shape.leader(p) == n;
    long tail = tailLsn(shape.logOf(p));
    return new Object[] {p, "N" + n, "N" + n + ":1", leader ? "leader" : "follower",
        leader ? "Leader" : "Follower", UPDATED_AT + p, tail - 1, "active", tail - 1, null, tail, null};
  }

  private byte[] replicaSets() {
    List<Object[]> rows = new ArrayList<>();
    for (int p = 0; p < shape.partitions(); p++) {
      for (int n : shape.replicaSet(p)) {
        rows.add(new Object[] {p, "N" + n, "N" + n + ":1", shape.leader(p) == n ? true : null, "current"});
      }
    }
    return ArrowStreamWriter.write(columns("partition_id", UINT32, "plain_node_id", UTF8,
        "alive_gen_node_id", UTF8, "is_leader", BOOL, "membership", UTF8), chunks(rows, BATCH_ROWS));
  }

  private byte[] partitions() {
    List<Object[]> rows = new ArrayList<>();
    for (int p = 0; p < shape.partitions(); p++) {
      rows.add(new Object[] {p, shape.logOf(p), "N" + shape.leader(p), "e2"});
    }
    return ArrowStreamWriter.write(columns("partition_id", UINT32, "log_id", UINT32,
        "leader_plain_node_id", UTF8, "leader_epoch", UTF8), chunks(rows, BATCH_ROWS));
  }

  /** `logs` (every segment) or `logs_tail_segments` (the last one, one batch per sequencer node). */
  private byte[] segments(boolean tailsOnly) {
    List<List<Object[]>> byNode = perNode();
    for (int log = 0; log < shape.logs(); log++) {
      int last = shape.segments(log) - 1;
      for (int s = tailsOnly ? last : 0; s <= last; s++) {
        int sequencer = shape.nodeset(log).get(0);
        byNode.get(sequencer - 1).add(new Object[] {log, s, s == 0 ? 1L : SECOND_SEGMENT_BASE,
            "replicated", "N" + sequencer + ":1", "{node: " + shape.replication() + "}",
            nodesetText(shape.nodeset(log))});
      }
    }
    List<Column> columns = columns("log_id", UINT32, "segment_index", UINT32, "base_lsn", UINT64,
        "kind", UTF8, "sequencer", UTF8, "replication", UTF8, "nodeset", UTF8);
    return ArrowStreamWriter.write(columns, tailsOnly ? nonEmpty(byNode) : chunks(flat(byNode), BATCH_ROWS));
  }

  private static String nodesetText(List<Integer> nodeset) {
    StringBuilder s = new StringBuilder("[");
    for (int n : nodeset) {
      s.append(s.length() > 1 ? ", N" : "N").append(n);
    }
    return s.append(']').toString();
  }

  /** Each nodeset member runs a worker per segment; a sealed segment holds 1000 records. */
  private byte[] logletWorkers() {
    List<List<Object[]>> byNode = perNode();
    for (int log = 0; log < shape.logs(); log++) {
      int segments = shape.segments(log);
      for (int n : shape.nodeset(log)) {
        for (int s = 0; s < segments; s++) {
          boolean sealed = s < segments - 1;
          long base = s == 0 ? 1 : SECOND_SEGMENT_BASE;
          long offset = sealed ? 1000 : tailLsn(log) - base + 1;
          byNode.get(n - 1).add(new Object[] {"N" + n, log, s, offset, sealed, 0, offset});
        }
      }
    }
    return ArrowStreamWriter.write(columns("plain_node_id", UTF8, "log_id", UINT32,
        "segment_index", UINT32, "local_tail", UINT32, "is_sealed", BOOL, "trim_point", UINT32,
        "known_global_tail", UINT32), nonEmpty(byNode));
  }

  private byte[] config() {
    List<List<Object[]>> byNode = perNode();
    for (int n = 1; n <= shape.nodes(); n++) {
      byNode.get(n - 1).add(new Object[] {"N" + n, "default-replication", Integer.toString(shape.replication())});
      byNode.get(n - 1).add(new Object[] {"N" + n, ConfigAssembler.SNAPSHOT_DESTINATION, "null"});
    }
    return ArrowStreamWriter.write(columns("plain_node_id", UTF8, "key", UTF8, "value", UTF8), byNode);
  }

  private List<List<Object[]>> perNode() {
    List<List<Object[]>> byNode = new ArrayList<>();
    for (int n = 0; n < shape.nodes(); n++) {
      byNode.add(new ArrayList<>());
    }
    return byNode;
  }

  private static List<List<Object[]>> nonEmpty(List<List<Object[]>> batches) {
    return batches.stream().filter(b -> !b.isEmpty()).toList();
  }

  private static List<Object[]> flat(List<List<Object[]>> batches) {
    List<Object[]> all = new ArrayList<>();
    batches.forEach(all::addAll);
    return all;
  }

  private static List<List<Object[]>> chunks(List<Object[]> rows, int size) {
    List<List<Object[]>> chunks = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += size) {
      chunks.add(rows.subList(from, Math.min(rows.size(), from + size)));
    }
    return chunks.isEmpty() ? List.of(List.of()) : chunks;
  }
}
