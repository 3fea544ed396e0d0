package dev.lookout.source.restate;

import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.source.restate.arrow.ArrowFormatException;
import dev.lookout.source.restate.arrow.ArrowTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds logs from the segment tables and the loglet workers. Loglet offsets are converted to log
 * LSNs as {@code base_lsn + offset - 1}; the tail is the next free LSN of the tail segment.
 */
final class LogAssembler {
  private LogAssembler() {}

  private record Tail(long baseLsn, int segment, String sequencer, String replication, String nodeset) {}

  private record Worker(long localTail, long knownGlobalTail, boolean sealed) {}

  static List<Log> logs(ArrowTable logs, ArrowTable tails, ArrowTable workers,
      Map<Integer, Long> trimPoints, Map<Integer, Node> nodes) throws ArrowFormatException {
    Map<Integer, Integer> segments = segmentCounts(logs);
    Map<Integer, Tail> tailSegments = tails(tails);
    Map<String, List<Worker>> byLoglet = workers(workers);
    Map<Integer, Long> trims = TrimPoints.derive(logs, workers, trimPoints);
    List<Log> result = new ArrayList<>(tailSegments.size());
    for (Map.Entry<Integer, Tail> e : tailSegments.entrySet()) {
      int id = e.getKey();
      Tail tail = e.getValue();
      List<Worker> ws = byLoglet.getOrDefault(id + "_" + tail.segment(), List.of());
      List<Integer> nodeset = NodeIds.list(tail.nodeset());
      result.add(new Log(id, trims.get(id), tailLsn(tail, ws), sealed(ws),
          segments.getOrDefault(id, 1), NodeAssembler.orEmpty(tail.sequencer()),
          NodeAssembler.orEmpty(tail.replication()), nodeset,
          failuresTolerable(nodeset, tail.replication(), nodes)));
    }
    return result;
  }

  private static Map<Integer, Integer> segmentCounts(ArrowTable logs) throws ArrowFormatException {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int row = 0; row < logs.rowCount(); row++) {
      counts.merge((int) logs.column("log_id").longValue(row), 1, Integer::sum);
    }
    return counts;
  }

  private static Map<Integer, Tail> tails(ArrowTable t) throws ArrowFormatException {
    Map<Integer, Tail> tails = new TreeMap<>();
    for (int row = 0; row < t.rowCount(); row++) {
      tails.put((int) t.column("log_id").longValue(row), new Tail(
          t.column("base_lsn").longValue(row), (int) t.column("segment_index").longValue(row),
          t.column("sequencer").string(row), t.column("replication").string(row),
          t.column("nodeset").string(row)));
    }
    return tails;
  }

  private static Map<String, List<Worker>> workers(ArrowTable t) throws ArrowFormatException {
    Map<String, List<Worker>> byLoglet = new HashMap<>();
    for (int row = 0; row < t.rowCount(); row++) {
      String loglet = t.column("log_id").longValue(row) + "_" + t.column("segment_index").longValue(row);
      Worker w = new Worker(orZero(t, "local_tail", row), orZero(t, "known_global_tail", row),
          !t.column("is_sealed").isNull(row) && t.column("is_sealed").bool(row));
      byLoglet.computeIfAbsent(loglet, k -> new ArrayList<>()).add(w);
    }
    return byLoglet;
  }

  private static long orZero(ArrowTable t, String column, int row) throws ArrowFormatException {
    return t.column(column).isNull(row) ? 0 : t.column(column).longValue(row);
  }

  /** The highest offset any worker of the tail segment knows, as a log LSN; null with no worker. */
  private static Long tailLsn(Tail tail, List<Worker> workers) {
    long offset = 0;
    for (Worker w : workers) {
      offset = Math.max(offset, Math.max(w.knownGlobalTail(), w.localTail()));
    }
    return workers.isEmpty() || offset == 0 ? null : tail.baseLsn() + offset - 1;
  }

  private static boolean sealed(List<Worker> workers) {
    for (Worker w : workers) {
      if (w.sealed()) {
        return true;
      }
    }
    return false;
  }

  static Integer failuresTolerable(List<Integer> nodeset, String replication, Map<Integer, Node> nodes) {
    return Log.failuresTolerable(nodeset, NodeIds.replicationFactor(replication), nodes);
  }
}
