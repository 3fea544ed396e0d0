package dev.lookout.source.restate;

import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.source.restate.arrow.ArrowColumn;
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
    Map<Long, List<Worker>> byLoglet = workers(workers);
    Map<Integer, Long> trims = TrimPoints.derive(logs, workers, trimPoints);
    SharedStrings shared = new SharedStrings();
    List<Log> result = new ArrayList<>(tailSegments.size());
    for (Map.Entry<Integer, Tail> e : tailSegments.entrySet()) {
      int id = e.getKey();
      Tail tail = e.getValue();
      List<Worker> ws = byLoglet.getOrDefault(loglet(id, tail.segment()), List.of());
      List<Integer> nodeset = NodeIds.list(tail.nodeset());
      result.add(new Log(id, trims.get(id), tailLsn(tail, ws), sealed(ws),
          segments.getOrDefault(id, 1), shared.orEmpty(tail.sequencer()),
          shared.orEmpty(tail.replication()), nodeset,
          failuresTolerable(nodeset, tail.replication(), nodes)));
    }
    return result;
  }

  /** A loglet (log id, segment index) as one number, cheaper to hash than text. */
  static long loglet(long log, long segment) {
    return (log << 32) | (segment & 0xFFFF_FFFFL);
  }

  private static Map<Integer, Integer> segmentCounts(ArrowTable logs) throws ArrowFormatException {
    Map<Integer, Integer> counts = new HashMap<>();
    ArrowColumn ids = logs.column("log_id");
    for (int row = 0; row < logs.rowCount(); row++) {
      counts.merge((int) ids.longValue(row), 1, Integer::sum);
    }
    return counts;
  }

  private static Map<Integer, Tail> tails(ArrowTable t) throws ArrowFormatException {
    Map<Integer, Tail> tails = new TreeMap<>();
    ArrowColumn ids = t.column("log_id");
    ArrowColumn bases = t.column("base_lsn");
    ArrowColumn segments = t.column("segment_index");
    ArrowColumn sequencers = t.column("sequencer");
    ArrowColumn replications = t.column("replication");
    ArrowColumn nodesets = t.column("nodeset");
    for (int row = 0; row < t.rowCount(); row++) {
      tails.put((int) ids.longValue(row), new Tail(bases.longValue(row), (int) segments.longValue(row),
          sequencers.string(row), replications.string(row), nodesets.string(row)));
    }
    return tails;
  }

  private static Map<Long, List<Worker>> workers(ArrowTable t) throws ArrowFormatException {
    Map<Long, List<Worker>> byLoglet = new HashMap<>();
    ArrowColumn logs = t.column("log_id");
    ArrowColumn segments = t.column("segment_index");
    ArrowColumn localTails = t.column("local_tail");
    ArrowColumn globalTails = t.column("known_global_tail");
    ArrowColumn sealed = t.column("is_sealed");
    for (int row = 0; row < t.rowCount(); row++) {
      Worker w = new Worker(orZero(localTails, row), orZero(globalTails, row),
          !sealed.isNull(row) && sealed.bool(row));
      byLoglet.computeIfAbsent(loglet(logs.longValue(row), segments.longValue(row)),
          k -> new ArrayList<>()).add(w);
    }
    return byLoglet;
  }

  private static long orZero(ArrowColumn c, int row) {
    return c.isNull(row) ? 0 : c.longValue(row);
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
