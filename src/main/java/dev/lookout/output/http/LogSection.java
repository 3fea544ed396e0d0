package dev.lookout.output.http;

import dev.lookout.model.Liveness;
import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.StorageState;
import java.util.Comparator;
import java.util.List;

/** The logs table: stalled logs first, then those one failure from stalling, and sealed ones. */
final class LogSection {
  private static final List<String> HEADERS = List.of("Log", "Trim point", "Tail", "Retained",
      "Sealed", "Replication", "Failures tolerable", "Nodeset");

  private LogSection() {}

  static String render(RestateSnapshot s) {
    List<Log> logs = s.logs().stream()
        .sorted(Comparator.comparingInt(LogSection::rank).reversed().thenComparingInt(Log::id))
        .toList();
    return "<h3>Logs <span class=\"dim\">" + logs.size() + "</span></h3>\n"
        + Html.table("logs-" + s.target(), HEADERS, logs, log -> row(s, log));
  }

  /** 2: appends stall (too few writable members); 1: one more failure stalls it, or sealed. */
  static int rank(Log log) {
    Integer tolerable = log.failuresTolerable();
    if (tolerable != null && tolerable < 0) {
      return 2;
    }
    return log.sealed() || (tolerable != null && tolerable == 0) ? 1 : 0;
  }

  private static String row(RestateSnapshot s, Log log) {
    Integer tolerable = log.failuresTolerable();
    return Html.row(StatusPage.rowClass(rank(log)), " data-log=\"" + log.id() + "\"",
        Html.esc(log.id()),
        Html.val(log.trimPoint()),
        Html.val(log.tailLsn()),
        Html.val(log.retainedRecords()),
        log.sealed() ? Html.badge("warn", "sealed") : "no",
        Html.val(log.replication()),
        tolerable == null ? Html.UNKNOWN
            : Html.badge(tolerable < 0 ? "bad" : tolerable == 0 ? "warn" : "ok", tolerable),
        nodeset(s, log.nodeset()));
  }

  /** Members that cannot take writes are marked, so the reason for a low tolerance is visible. */
  private static String nodeset(RestateSnapshot s, List<Integer> members) {
    StringBuilder out = new StringBuilder();
    for (int id : members) {
      Node n = s.node(id);
      boolean writable = n != null && n.state() == Liveness.ALIVE
          && n.storageState() == StorageState.READ_WRITE;
      out.append(out.length() == 0 ? "" : " ")
          .append(writable ? "N" + id : "<span class=\"bad-text\">N" + id + "</span>");
    }
    return out.toString();
  }
}
