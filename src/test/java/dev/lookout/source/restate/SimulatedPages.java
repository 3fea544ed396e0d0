package dev.lookout.source.restate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Each simulated node's /metrics page: the recorded node page with the node's name, and its
 * per-partition families (starts, shuffled messages, shuffles in flight) holding one line per
 * partition the node replicates, as the recorded page has one per partition of its node.
 */
final class SimulatedPages {
  /** The recorded page's families with a `partition` label, one sample per replica hosted. */
  static final List<String> PER_PARTITION = List.of("restate_partition_start_total",
      "restate_partition_shuffle_message_total", "restate_partition_shuffle_inflight");

  private final String[] recorded;

  SimulatedPages(String recordedPage) {
    this.recorded = recordedPage.split("\n");
  }

  /** The recorded page names node-1; partition-labelled lines are replaced by this node's. */
  String page(ClusterShape shape, int node) {
    String name = "node_name=\"node-" + node + "\"";
    StringBuilder page = new StringBuilder(recorded.length * 100);
    Set<String> written = new HashSet<>();
    for (String line : recorded) {
      String family = line.startsWith("#") ? null : familyOf(line);
      if (family != null && line.contains("partition=\"")) {
        if (PER_PARTITION.contains(family) && written.add(family)) {
          partitionLines(page, shape, node, family, name);
        }
        continue;
      }
      page.append(line.replace("node_name=\"node-1\"", name)).append('\n');
    }
    return page.toString();
  }

  private static void partitionLines(StringBuilder page, ClusterShape shape, int node, String family,
      String name) {
    for (int p = 0; p < shape.partitions(); p++) {
      if (shape.replicaSet(p).contains(node)) {
        page.append(family).append("{cluster_name=\"demo\",").append(name).append(",partition=\"")
            .append(p).append("\"} ").append(family.endsWith("_total") ? 1 : 0).append('\n');
      }
    }
  }

  private static String familyOf(String line) {
    int end = 0;
    while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
      end++;
    }
    return end == 0 ? null : line.substring(0, end);
  }
}
