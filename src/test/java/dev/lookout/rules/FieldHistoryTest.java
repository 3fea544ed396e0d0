package dev.lookout.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Past values of one field: thinned to the window, and always at least the window old. */
class FieldHistoryTest {
  private static final long TICK = 10_000;
  private static final long WINDOW = 900_000;

  @Test
  void aLongWindowOverManyEntitiesKeepsAboutNineFramesAndFindsOneAtLeastTheWindowOld() {
    FieldHistory h = new FieldHistory(WINDOW);
    int kept = 0;
    for (long t = 0; t <= 3_600_000; t += TICK) {
      if (h.wants(t, 50_000)) {
        h.add(FieldHistory.Frame.of(t, 1));
        kept++;
      }
      FieldHistory.Frame then = h.before(t);
      if (t < WINDOW) {
        assertNull(then, "nothing is a window old at " + t);
      } else {
        long age = t - then.atMillis();
        assertTrue(age >= WINDOW && age <= WINDOW + WINDOW / 8 + TICK, "age " + age + " at " + t);
      }
    }
    assertEquals(3_600_000 / 120_000 + 1, kept, "a frame every 15m/8, rounded up to ticks (120 s)");
    assertTrue(h.size() <= 10, "frames held: " + h.size());
  }

  @Test
  void fewEntitiesGetAFramePerTickSoTheirWindowIsExact() {
    FieldHistory h = new FieldHistory(WINDOW);
    for (long t = 0; t <= 3_600_000; t += TICK) {
      assertTrue(h.wants(t, 3), "tick " + t);
      h.add(FieldHistory.Frame.of(t, 3));
      if (t >= WINDOW) {
        assertEquals(t - WINDOW, h.before(t).atMillis());
      }
    }
    assertTrue(h.size() <= WINDOW / TICK + 2, "frames held: " + h.size());
  }

  @Test
  void anEntityMissingFromAFrameIsAbsent() {
    FieldHistory.Frame f = FieldHistory.Frame.of(0, 2);
    f.values()[0] = 7;
    assertEquals(7, f.value(0));
    assertEquals(FieldHistory.ABSENT, f.value(1));
    assertEquals(FieldHistory.ABSENT, f.value(2));
    assertEquals(FieldHistory.ABSENT, f.value(-1));
  }
}
