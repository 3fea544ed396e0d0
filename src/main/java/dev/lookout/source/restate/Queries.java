package dev.lookout.source.restate;

import java.util.List;
import java.util.Set;

/**
 * The SQL the agent runs against the cluster tables, one query per table, columns named
 * explicitly so a server that adds columns changes nothing and one that drops one fails loudly.
 */
enum Queries {
  NODES("nodes", "SELECT plain_node_id, gen_node_id, state, name, address, has_admin_role,"
      + " has_worker_role, has_metadata_server_role, has_log_server_role, has_ingress_role,"
      + " storage_state, worker_state, metadata_server_state, binary_version FROM nodes"),
  PARTITION_STATE("partition_state", "SELECT partition_id, plain_node_id, gen_node_id,"
      + " target_mode, effective_mode, updated_at, applied_log_lsn, replay_status,"
      + " durable_log_lsn, archived_log_lsn, target_tail_lsn, broken_reason FROM partition_state"),
  REPLICA_SET("partition_replica_set", "SELECT partition_id, plain_node_id, alive_gen_node_id,"
      + " is_leader, membership FROM partition_replica_set"),
  PARTITIONS("partitions", "SELECT partition_id, log_id, leader_plain_node_id, leader_epoch"
      + " FROM partitions"),
  LOGS("logs", "SELECT log_id, segment_index, base_lsn, kind, sequencer, replication, nodeset"
      + " FROM logs"),
  TAIL_SEGMENTS("logs_tail_segments", "SELECT log_id, segment_index, base_lsn, kind, sequencer,"
      + " replication, nodeset FROM logs_tail_segments"),
  LOGLET_WORKERS("loglet_workers", "SELECT plain_node_id, log_id, segment_index, local_tail,"
      + " is_sealed, trim_point, known_global_tail FROM loglet_workers"),
  CONFIG("config", "SELECT plain_node_id, key, value FROM config WHERE key IN"
      + " ('worker.snapshots.destination', 'default-replication')");

  static final List<Queries> ALL = List.of(values());

  /**
   * Tables that change only when nodes restart with new settings, yet are the slowest to read
   * (they fan out to every node): read them once a minute, not every tick.
   */
  static final Set<Queries> SLOW_CHANGING = Set.of(CONFIG);

  private final String table;
  private final String sql;

  Queries(String table, String sql) {
    this.table = table;
    this.sql = sql;
  }

  String table() {
    return table;
  }

  String sql() {
    return sql;
  }
}
