package dev.lookout.rules;

import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.rules.format.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One snapshot with the joins every rule needs done once: each replica's partition, log and
 * node, each partition's log and replica counts, and each row's key for history. Arrays are
 * aligned with the snapshot's lists, so evaluation does no map look-up (and no boxing) per row.
 */
final class SnapshotFacts {
  final RestateSnapshot snapshot;
  final ClusterFacts cluster;
  final Log[] partitionLog;
  final int[] partitionReplicas;
  final int[] partitionActive;
  final int[] partitionLeaders;
  /** The highest archived (snapshot) LSN any replica of the partition reports; -1 when none. */
  final long[] partitionArchived;
  final int[] replicaPartition;
  final Log[] replicaLog;
  final Node[] replicaNode;
  private final Map<Integer, Integer> partitionIndex = new HashMap<>();
  private final Map<String, List<MetricPoint>> metrics = new HashMap<>();

  SnapshotFacts(RestateSnapshot snapshot) {
    this.snapshot = snapshot;
    this.cluster = ClusterFacts.of(snapshot);
    List<Partition> partitions = snapshot.partitions();
    int n = partitions.size();
    partitionLog = new Log[n];
    partitionReplicas = new int[n];
    partitionActive = new int[n];
    partitionLeaders = new int[n];
    partitionArchived = new long[n];
    java.util.Arrays.fill(partitionArchived, -1);
    for (int i = 0; i < n; i++) {
      partitionIndex.put(partitions.get(i).id(), i);
      partitionLog[i] = snapshot.log(partitions.get(i).logId());
    }
    List<Replica> replicas = snapshot.replicas();
    replicaPartition = new int[replicas.size()];
    replicaLog = new Log[replicas.size()];
    replicaNode = new Node[replicas.size()];
    for (int i = 0; i < replicas.size(); i++) {
      joinReplica(i, replicas.get(i));
    }
  }

  /**
   * The node's and partition's numbers in labels such as node="N3", partition="7"; -1 unless the
   * prefix is followed by 1 to 9 ASCII digits and nothing else. Read for every node metric sample.
   */
  static int id(String label, String prefix) {
    int digits = label.length() - prefix.length();
    if (digits < 1 || digits > 9 || !label.startsWith(prefix)) {
      return -1;
    }
    int n = 0;
    for (int i = prefix.length(); i < label.length(); i++) {
      char c = label.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** The node samples of that name, reduced when a rule first asks for them (most are never asked for). */
  synchronized List<MetricPoint> metric(String name) {
    return metrics.computeIfAbsent(name, this::points);
  }

  private List<MetricPoint> points(String name) {
    List<MetricPoint> points = new ArrayList<>();
    for (Sample sample : snapshot.samples()) {
      if (sample.name().equals(name)) {
        points.add(new MetricPoint(id(sample.label("node"), "N"), id(sample.label("partition"), ""),
            sample.value()));
      }
    }
    return points;
  }

  private void joinReplica(int i, Replica x) {
    replicaNode[i] = snapshot.node(x.node());
    int p = partitionIndex(x.partition());
    replicaPartition[i] = p;
    if (p >= 0) {
      replicaLog[i] = partitionLog[p];
      partitionReplicas[p]++;
      partitionActive[p] += "active".equalsIgnoreCase(x.replayStatus()) ? 1 : 0;
      partitionLeaders[p] += x.isLeader() ? 1 : 0;
      if (x.archivedLsn() != null) {
        partitionArchived[p] = Math.max(partitionArchived[p], x.archivedLsn());
      }
    }
  }

  /** Index into {@code snapshot.partitions()}, or -1. */
  int partitionIndex(int partitionId) {
    return partitionIndex.getOrDefault(partitionId, -1);
  }

  /** What identifies row {@code i} of {@code scope} from one snapshot to the next. */
  Object key(Scope scope, int i) {
    switch (scope) {
      case NODE: return snapshot.nodes().get(i).id();
      case LOG: return snapshot.logs().get(i).id();
      case PARTITION: return snapshot.partitions().get(i).id();
      case REPLICA: return key(snapshot.replicas().get(i).partition(), snapshot.replicas().get(i).node());
      default: return "";
    }
  }

  /**
   * A replica as one number whose Long hash spreads: (partition << 32 | node) would hash to
   * partition ^ node, putting thousands of replicas in the same hash bucket.
   */
  private static long key(int partition, int node) {
    return (long) partition * 1_000_003L + node;
  }
}
