package dev.lookout.rules;

import dev.lookout.model.Liveness;
import dev.lookout.model.Node;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.StorageState;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cluster-wide figures a rule reads as {@code cluster.*}, computed once per snapshot.
 * Replication factors are null when the configuration was not read or cannot be parsed; the
 * snapshot facts are null when no node reported its configuration (unknown, not "none"). The
 * node counts are null when the `nodes` table was not read: a cluster always has a node, so an
 * empty table is a failed read (cut short, wrong schema), not a cluster without log servers.
 */
record ClusterFacts(
    Long nodes,
    Long aliveNodes,
    Long logServers,
    Long readWriteLogServers,
    Long partitionReplication,
    Long logReplication,
    Boolean snapshotsEverywhere,
    Long snapshotRepositoryNodes,
    boolean tablesRead,
    boolean partial,
    long partitions,
    Long numPartitions) {

  // Restate prints a replication property as "{node: 2}"; a bare "2" is accepted too.
  private static final Pattern FACTOR = Pattern.compile("^\\{?\\s*(?:node\\s*:\\s*)?(\\d+)\\s*}?$");

  static ClusterFacts of(RestateSnapshot s) {
    long alive = 0;
    long logServers = 0;
    long readWrite = 0;
    for (Node n : s.nodes()) {
      alive += n.state() == Liveness.ALIVE ? 1 : 0;
      if (n.hasRole("log-server")) {
        logServers++;
        readWrite += n.storageState() == StorageState.READ_WRITE ? 1 : 0;
      }
    }
    Map<Integer, Boolean> repos = s.config().snapshotRepository();
    Long repoNodes = repos.isEmpty() ? null : repos.values().stream().filter(b -> b).count();
    Boolean everywhere = repos.isEmpty() ? null : s.config().snapshotsEverywhere();
    Integer num = s.config().numPartitions();
    boolean nodesRead = !s.nodes().isEmpty();
    return new ClusterFacts(known(nodesRead, s.nodes().size()), known(nodesRead, alive),
        known(nodesRead, logServers), known(nodesRead, readWrite),
        factor(s.config().partitionReplication()), factor(s.config().logReplication()),
        everywhere, repoNodes, s.tablesRead(), s.partial(),
        s.partitions().size(), num == null ? null : num.longValue());
  }

  private static Long known(boolean read, long count) {
    return read ? count : null;
  }

  /** The node count of a replication property such as {@code {node: 2}}, or null. */
  static Long factor(String replication) {
    if (replication == null) {
      return null;
    }
    Matcher m = FACTOR.matcher(replication.strip());
    return m.matches() ? Long.valueOf(m.group(1)) : null;
  }
}
