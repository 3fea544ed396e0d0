package dev.lookout.source.restate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.Log;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** DescribeLog per tick: every log within a minute, moved ones at once, new ones first. */
class DescribedTrimsTest {
  private static final List<Integer> LOGS = IntStream.range(0, 100).boxed().toList();

  @Test
  void everyLogIsAskedOnceFirstThenInSlicesCoveringAllWithinSixTicks() {
    DescribedTrims trims = new DescribedTrims();
    assertEquals(LOGS, trims.due(LOGS), "never asked: all of them");
    answer(trims, LOGS, 5);
    Set<Integer> asked = new HashSet<>();
    for (int tick = 0; tick < DescribedTrims.REFRESH_TICKS; tick++) {
      List<Integer> due = trims.due(LOGS);
      assertTrue(due.size() <= 17, "tick " + tick + " asks " + due.size());
      asked.addAll(due);
      answer(trims, due, 5);
    }
    assertEquals(Set.copyOf(LOGS), asked);
  }

  @Test
  void aLogWhoseTrimMovedIsAskedNextTickAndTheOthersKeepTheirLastAnswer() {
    DescribedTrims trims = new DescribedTrims();
    trims.due(LOGS);
    answer(trims, LOGS, 5);
    List<Log> logs = new ArrayList<>();
    LOGS.forEach(id -> logs.add(log(id, id == 42 ? 900L : 5L)));
    trims.seen(logs);
    assertTrue(trims.due(LOGS).contains(42));
    trims.answer(42, 900L);
    Map<Integer, Long> merged = trims.current();
    assertEquals(900L, merged.get(42));
    assertEquals(5L, merged.get(7), "not asked this tick: the last answer");
  }

  private static void answer(DescribedTrims trims, List<Integer> logs, long trim) {
    logs.forEach(l -> trims.answer(l, trim));
    List<Log> all = new ArrayList<>();
    LOGS.forEach(id -> all.add(log(id, trim)));
    trims.seen(all);
  }

  @Test
  void anAnswerComingLateNeverLowersANewerOne() {
    DescribedTrims trims = new DescribedTrims();
    assertTrue(!trims.answered(3));
    trims.answer(3, 900L);
    trims.answer(3, 700L);
    assertTrue(trims.answered(3));
    assertEquals(900L, trims.current().get(3));
  }

  private static Log log(int id, Long trim) {
    return new Log(id, trim, 100L, false, 1, "N1:1", "{node: 2}", List.of(1, 2), 0);
  }
}
