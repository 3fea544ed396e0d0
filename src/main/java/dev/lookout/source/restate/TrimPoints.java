package dev.lookout.source.restate;

import dev.lookout.source.restate.arrow.ArrowColumn;
import dev.lookout.source.restate.arrow.ArrowFormatException;
import dev.lookout.source.restate.arrow.ArrowTable;
import java.util.HashMap;
import java.util.Map;

/**
 * A log's trim point, from every source that shows it. DescribeLog alone is not enough: once a
 * trim covers whole segments, Restate drops them from the chain and DescribeLog (and `restatectl
 * logs describe`) report 0 again, while the chain now starts above the trimmed records. So the
 * trim point is the highest of: DescribeLog's, the head segment's base LSN - 1, and each loglet
 * worker's trim offset as a log LSN.
 */
final class TrimPoints {
  private TrimPoints() {}

  static Map<Integer, Long> derive(ArrowTable logs, ArrowTable workers, Map<Integer, Long> described)
      throws ArrowFormatException {
    Map<Long, Long> segmentBase = new HashMap<>();
    Map<Integer, Long> headBase = new HashMap<>();
    ArrowColumn logIds = logs.column("log_id");
    ArrowColumn segments = logs.column("segment_index");
    ArrowColumn bases = logs.column("base_lsn");
    for (int row = 0; row < logs.rowCount(); row++) {
      int log = (int) logIds.longValue(row);
      long base = bases.longValue(row);
      segmentBase.put(LogAssembler.loglet(log, segments.longValue(row)), base);
      headBase.merge(log, base, Math::min);
    }
    Map<Integer, Long> trims = new HashMap<>(described);
    headBase.forEach((log, base) -> trims.merge(log, base - 1, Math::max));
    ArrowColumn workerLogs = workers.column("log_id");
    ArrowColumn workerSegments = workers.column("segment_index");
    ArrowColumn offsets = workers.column("trim_point");
    for (int row = 0; row < workers.rowCount(); row++) {
      Long base = segmentBase.get(LogAssembler.loglet(workerLogs.longValue(row), workerSegments.longValue(row)));
      if (base != null && !offsets.isNull(row) && offsets.longValue(row) > 0) {
        trims.merge((int) workerLogs.longValue(row), base + offsets.longValue(row) - 1, Math::max);
      }
    }
    return trims;
  }
}
