package dev.lookout.source.restate;

import dev.lookout.model.Log;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which logs to DescribeLog each tick, and their last answers. A trim point only grows, and the
 * tables show most trims at once (the loglet workers' trim offsets, the head segment's base; see
 * {@link TrimPoints}), so asking every log every tick is not needed: each tick asks the logs never
 * asked, those whose trim point moved last tick, and a rotating slice that asks every log again
 * within {@link #REFRESH_TICKS} ticks. The others keep their last answer, a lower bound that
 * {@link TrimPoints} raises with what the tables show. A 16,384-log cluster then gets about 2,700
 * calls a tick instead of 16,384.
 *
 * <p>Only the logs without any answer yet hold up the tick. The others' answers are taken when
 * they come: DescribeLog waits on the log servers (~45 ms on a healthy cluster, the slowest call
 * of a tick), so an answer that comes after the tick that asked is used by the next one. One tick
 * at a time; only {@link #answer} is called from other threads.
 */
final class DescribedTrims {
  static final int REFRESH_TICKS = 6;

  private final Map<Integer, Long> answers = new ConcurrentHashMap<>();
  private final Map<Integer, Long> lastTrims = new HashMap<>();
  private final Set<Integer> moved = new HashSet<>();
  private int cursor;

  /** Of last tick's {@code logs}, those to ask this tick. */
  List<Integer> due(List<Integer> logs) {
    int slice = (logs.size() + REFRESH_TICKS - 1) / REFRESH_TICKS;
    List<Integer> due = new ArrayList<>();
    for (int i = 0; i < logs.size(); i++) {
      int log = logs.get(i);
      boolean inSlice = Math.floorMod(i - cursor, logs.size()) < slice;
      if (inSlice || moved.contains(log) || !answers.containsKey(log)) {
        due.add(log);
      }
    }
    cursor = logs.isEmpty() ? 0 : (cursor + slice) % logs.size();
    return due;
  }

  /** Notes a DescribeLog answer, whenever it comes; an older answer coming late lowers nothing. */
  void answer(int log, long trimPoint) {
    answers.merge(log, trimPoint, Math::max);
  }

  /** True once the log was answered, so that asking it again need not hold up a tick. */
  boolean answered(int log) {
    return answers.containsKey(log);
  }

  /** The last answer of every log answered at some time: a read-only view that answers still coming raise. */
  Map<Integer, Long> current() {
    return Collections.unmodifiableMap(answers);
  }

  /** Notes the logs whose trim point moved since the last tick, to be asked next tick. */
  void seen(List<Log> logs) {
    moved.clear();
    Set<Integer> present = new HashSet<>();
    for (Log l : logs) {
      present.add(l.id());
      Long before = lastTrims.put(l.id(), l.trimPoint());
      if (before != null && !before.equals(l.trimPoint())) {
        moved.add(l.id());
      }
    }
    lastTrims.keySet().retainAll(present);
    answers.keySet().retainAll(present);
  }
}
