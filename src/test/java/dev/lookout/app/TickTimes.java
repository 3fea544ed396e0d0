package dev.lookout.app;

import java.util.ArrayList;
import java.util.List;

/** Start times of one target's ticks, taken where the reader is called, to hold against the schedule. */
final class TickTimes {
  /** Called before each read with the number of reads so far; lets a test change a fault mid-run. */
  interface BeforeTick {
    void run(int ticksSoFar);
  }

  private final List<Long> startNanos = new ArrayList<>();

  <S> TargetRunner.Source<S> around(TargetRunner.Source<S> source, BeforeTick before) {
    return new TargetRunner.Source<>() {
      @Override
      public S scrape(long nowMillis) {
        int ticks;
        synchronized (TickTimes.this) {
          startNanos.add(System.nanoTime());
          ticks = startNanos.size();
        }
        before.run(ticks);
        return source.scrape(nowMillis);
      }

      @Override
      public void close() {
        source.close();
      }
    };
  }

  synchronized int count() {
    return startNanos.size();
  }

  /** How far behind first + k × interval the ticks started: the worst one and the 90th percentile. */
  record Lateness(long maxMillis, long p90Millis) {
    @Override
    public String toString() {
      return "max " + maxMillis + " p90 " + p90Millis;
    }
  }

  synchronized Lateness lateness(long intervalMillis) {
    List<Long> late = new ArrayList<>();
    long first = startNanos.get(0);
    for (int k = 0; k < startNanos.size(); k++) {
      long due = first + k * intervalMillis * 1_000_000;
      late.add(Math.max(0, (startNanos.get(k) - due) / 1_000_000));
    }
    late.sort(null);
    return new Lateness(late.get(late.size() - 1), late.get((int) (late.size() * 0.9)));
  }
}
