package dev.lookout.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything one tick read from one Restate cluster, immutable. Reads that failed are listed in
 * {@code errors}; server warnings about partial fan-out tables in {@code warnings}. When no
 * node answered the cluster tables, {@code queriedNode} is null and the entity lists are empty.
 */
public final class RestateSnapshot implements TargetSnapshot {
  private final String target;
  private final long atMillis;
  private final String queriedNode;
  private final List<Node> nodes;
  private final List<Log> logs;
  private final List<Partition> partitions;
  private final List<Replica> replicas;
  private final ClusterConfig config;
  private final List<Sample> samples;
  private final List<SourceError> errors;
  private final List<String> warnings;
  private final Map<Integer, Node> nodesById;
  private final Map<Integer, Log> logsById;
  private final Map<Integer, Partition> partitionsById;

  public RestateSnapshot(String target, long atMillis, String queriedNode, List<Node> nodes,
      List<Log> logs, List<Partition> partitions, List<Replica> replicas, ClusterConfig config,
      List<Sample> samples, List<SourceError> errors, List<String> warnings) {
    this.target = Objects.requireNonNull(target, "target");
    this.atMillis = atMillis;
    this.queriedNode = queriedNode;
    this.nodes = List.copyOf(nodes);
    this.logs = List.copyOf(logs);
    this.partitions = List.copyOf(partitions);
    this.replicas = List.copyOf(replicas);
    this.config = Objects.requireNonNull(config, "config");
    this.samples = List.copyOf(samples);
    this.errors = List.copyOf(errors);
    this.warnings = List.copyOf(warnings);
    this.nodesById = index(this.nodes, Node::id);
    this.logsById = index(this.logs, Log::id);
    this.partitionsById = index(this.partitions, Partition::id);
  }

  private static <T> Map<Integer, T> index(List<T> items, Function<T, Integer> key) {
    Map<Integer, T> map = new HashMap<>(items.size() * 2);
    for (T item : items) {
      map.put(key.apply(item), item);
    }
    return Map.copyOf(map);
  }

  @Override
  public String target() { return target; }
  @Override
  public long atMillis() { return atMillis; }
  public String queriedNode() { return queriedNode; }
  public List<Node> nodes() { return nodes; }
  public List<Log> logs() { return logs; }
  public List<Partition> partitions() { return partitions; }
  public List<Replica> replicas() { return replicas; }
  public ClusterConfig config() { return config; }
  public List<Sample> samples() { return samples; }
  @Override
  public List<SourceError> errors() { return errors; }
  public List<String> warnings() { return warnings; }

  /** True when the cluster tables were read at all this tick. */
  public boolean tablesRead() {
    return queriedNode != null;
  }

  @Override
  public boolean readOk() {
    return tablesRead();
  }

  /** True when some read failed or the server said its answer is incomplete. */
  public boolean partial() {
    return !errors.isEmpty() || !warnings.isEmpty();
  }

  public Node node(int id) { return nodesById.get(id); }
  public Log log(int id) { return logsById.get(id); }
  public Partition partition(int id) { return partitionsById.get(id); }

  /** The log a replica's partition writes to, or null when unknown. */
  public Log logOf(Replica replica) {
    Partition p = partition(replica.partition());
    return p == null ? null : log(p.logId());
  }

  /**
   * How far a replica's applied LSN is above its log's trim point. Negative means the replica
   * needs records that are gone: it cannot start again without a snapshot (a trim gap).
   */
  public Long trimDistance(Replica replica) {
    Log log = logOf(replica);
    if (log == null || log.trimPoint() == null || replica.appliedLsn() == null) {
      return null;
    }
    return replica.appliedLsn() - log.trimPoint();
  }

  /** Records the partition's leader applied since its last archived snapshot, or null. */
  public Long recordsSinceSnapshot(Replica replica) {
    if (replica.appliedLsn() == null) {
      return null;
    }
    long archived = replica.archivedLsn() == null ? 0 : replica.archivedLsn();
    return Math.max(0, replica.appliedLsn() - archived);
  }
}
