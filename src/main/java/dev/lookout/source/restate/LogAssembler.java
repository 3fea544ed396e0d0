package dev.lookout.source.restate;

import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.source.restate.arrow.ArrowColumn;
import dev.lookout.source.restate.arrow.ArrowFormatException;
import dev.lookout.source.restate.arrow.ArrowTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds logs from the segment tables and the loglet workers. Loglet offsets are converted to log
 * LSNs as {@code base_lsn + offset - 1}; the tail is the next free LSN of the tail segment.
 */
final class LogAssembler {
  private LogAssembler() {}

  private record Tail(long baseLsn, int segment, String sequencer, String replication, String nodeset) {}

  /** A loglet's workers taken together: the highest offset any of them knows, and whether one sealed it. */
  private static final class Workers {
    long highestOffset;
    boolean sealed;
  }

  static List<Log> logs(ArrowTable logs, ArrowTable tails, ArrowTable workers,
      Map<Integer, Long> trimPoints, Map<Integer, Node> nodes) throws ArrowFormatException {
    Map<Integer, Integer> segments = segmentCounts(logs);
    Map<Integer, Tail> tailSegments = tails(tails);
    Map<Long, Workers> byLoglet = workers(workers);
    Map<Integer, Long> trims = TrimPoints.derive(logs, workers, trimPoints);
    SharedStrings shared = new SharedStrings();
    // Many logs share a nodeset and replication: parse each text, and count its failures, once.
    Map<String, List<Integer>> nodesets = new HashMap<>();
    Map<String, Integer> tolerable = new HashMap<>();
    List<Log> result = new ArrayList<>(tailSegments.size());
    for (int id : sortedKeys(tailSegments)) {
      Tail tail = tailSegments.get(id);
      Workers ws = byLoglet.get(loglet(id, tail.segment()));
      String nodesetText = tail.nodeset() == null ? "" : tail.nodeset();
      List<Integer> nodeset = nodesets.computeIfAbsent(nodesetText, t -> List.copyOf(NodeIds.list(t)));
      Integer failures = tolerable.computeIfAbsent(nodesetText + "\u0000" + tail.replication(),
          k -> failuresTolerable(nodeset, tail.replication(), nodes));
      result.add(new Log(id, trims.get(id), tailLsn(tail, ws), ws != null && ws.sealed,
          segments.getOrDefault(id, 1), shared.orEmpty(tail.sequencer()),
          shared.orEmpty(tail.replication()), nodeset, failures));
    }
    return result;
  }

  private static int[] sortedKeys(Map<Integer, ?> map) {
    int[] keys = new int[map.size()];
    int i = 0;
    for (int k : map.keySet()) {
      keys[i++] = k;
    }
    Arrays.sort(keys);
    return keys;
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
    Map<Integer, Tail> tails = new HashMap<>(t.rowCount() * 2);
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

  private static Map<Long, Workers> workers(ArrowTable t) throws ArrowFormatException {
    Map<Long, Workers> byLoglet = new HashMap<>(t.rowCount());
    ArrowColumn logs = t.column("log_id");
    ArrowColumn segments = t.column("segment_index");
    ArrowColumn localTails = t.column("local_tail");
    ArrowColumn globalTails = t.column("known_global_tail");
    ArrowColumn sealed = t.column("is_sealed");
    for (int row = 0; row < t.rowCount(); row++) {
      Workers w = byLoglet.computeIfAbsent(loglet(logs.longValue(row), segments.longValue(row)),
          k -> new Workers());
      w.highestOffset = Math.max(w.highestOffset, Math.max(orZero(localTails, row), orZero(globalTails, row)));
      w.sealed |= !sealed.isNull(row) && sealed.bool(row);
    }
    return byLoglet;
  }

  private static long orZero(ArrowColumn c, int row) {
    return c.isNull(row) ? 0 : c.longValue(row);
  }

  /** The highest offset any worker of the tail segment knows, as a log LSN; null with no worker. */
  private static Long tailLsn(Tail tail, Workers workers) {
    return workers == null || workers.highestOffset == 0 ? null : tail.baseLsn() + workers.highestOffset - 1;
  }

  static Integer failuresTolerable(List<Integer> nodeset, String replication, Map<Integer, Node> nodes) {
    return Log.failuresTolerable(nodeset, NodeIds.replicationFactor(replication), nodes);
  }
}
