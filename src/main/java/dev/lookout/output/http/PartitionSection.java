package dev.lookout.output.http;

import dev.lookout.model.Partition;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Partitions with one row per replica, problems first: no leader, a broken processor, a replica
 * below its log's trim point (it cannot catch up without a snapshot), then followers far behind.
 */
final class PartitionSection {
  /** The shipped RestateFollowerLagHigh rule's default threshold, so page and alert agree. */
  static final long LAGGING = 10_000;
  /** What is wrong comes right after which replica, so a phone shows it without scrolling. */
  private static final List<String> HEADERS = List.of("Partition", "Node", "Problems", "Leader",
      "Log", "Mode", "Replay", "Applied LSN", "Lag", "Trim distance");

  /** A replica row, or a partition with no replica reported ({@code replica} null). */
  record Row(int partition, Partition meta, Replica replica, Long lag, Long trimDistance,
      List<String> problems, int rank) {}

  private PartitionSection() {}

  static String render(RestateSnapshot s) {
    List<Row> rows = rows(s);
    return "<h3>Partitions <span class=\"dim\">" + s.partitions().size() + " partitions, "
        + s.replicas().size() + " replicas</span></h3>\n"
        + Html.table("partitions-" + s.target(), HEADERS, rows, PartitionSection::row);
  }

  static List<Row> rows(RestateSnapshot s) {
    List<Row> rows = new ArrayList<>(s.replicas().size() + 8);
    Set<Integer> withReplicas = new HashSet<>();
    for (Replica r : s.replicas()) {
      withReplicas.add(r.partition());
      rows.add(row(s, r.partition(), r));
    }
    for (Partition p : s.partitions()) {
      if (!withReplicas.contains(p.id())) {
        rows.add(row(s, p.id(), null));
      }
    }
    rows.sort(Comparator.comparingInt(Row::rank).reversed().thenComparingInt(Row::partition)
        .thenComparingInt(r -> r.replica() == null ? -1 : r.replica().node()));
    return rows;
  }

  private static Row row(RestateSnapshot s, int partition, Replica r) {
    Partition meta = s.partition(partition);
    Long lag = r == null ? null : r.lag();
    Long distance = r == null ? null : s.trimDistance(r);
    List<String> problems = new ArrayList<>(2);
    if (meta != null && meta.leaderNode() == null) {
      problems.add("no leader");
    }
    if (r != null && r.isBroken()) {
      problems.add("broken: " + r.brokenReason());
    }
    if (distance != null && distance < 0) {
      problems.add("trim gap: " + (-distance) + " records gone");
    }
    int rank = problems.isEmpty() ? 0 : 2;
    if (lag != null && lag > LAGGING) {
      problems.add("lagging");
      rank = Math.max(rank, 1);
    }
    return new Row(partition, meta, r, lag, distance, List.copyOf(problems), rank);
  }

  private static String row(Row row) {
    Replica r = row.replica();
    return Html.row(StatusPage.rowClass(row.rank()), attrs(row),
        Html.esc(row.partition()),
        r == null ? Html.UNKNOWN : "N" + r.node(),
        Html.esc(String.join("; ", row.problems())),
        leader(row.meta()),
        row.meta() == null ? Html.UNKNOWN : Html.esc(row.meta().logId()),
        r == null ? Html.UNKNOWN : mode(r),
        r == null ? Html.UNKNOWN : Html.val(r.replayStatus()),
        r == null ? Html.UNKNOWN : Html.val(r.appliedLsn()),
        Html.val(row.lag()),
        Html.val(row.trimDistance()));
  }

  private static String attrs(Row row) {
    String node = row.replica() == null ? "" : " data-node=\"" + row.replica().node() + "\"";
    return " data-partition=\"" + row.partition() + "\"" + node;
  }

  private static String leader(Partition p) {
    if (p == null) {
      return Html.UNKNOWN;
    }
    if (p.leaderNode() == null) {
      return Html.badge("bad", "none");
    }
    return "N" + p.leaderNode() + (p.leaderEpoch() == null ? ""
        : " <span class=\"dim\">e" + p.leaderEpoch() + "</span>");
  }

  /** The effective mode, and the target mode when the processor has not reached it yet. */
  private static String mode(Replica r) {
    String effective = Html.val(r.effectiveMode());
    if (r.targetMode() == null || r.targetMode().equalsIgnoreCase(String.valueOf(r.effectiveMode()))) {
      return r.isLeader() ? "<b>" + effective + "</b>" : effective;
    }
    return effective + " <span class=\"dim\">→ " + Html.esc(r.targetMode()) + "</span>";
  }
}
