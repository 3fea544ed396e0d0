package dev.lookout.app;

import dev.lookout.output.http.TargetStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Watches when an agent's ticks start, from the read time each target reports, by sampling far
 * more often than the ticks come. Ticks are scheduled at a fixed rate: the k-th tick seen is due
 * k intervals after the schedule's origin, and a tick never starts early, so the most punctual
 * tick seen marks that origin and every other tick's lateness is measured from it. (A tick missed
 * by the sampler would shift the count and show as a whole interval late: a failure, never a
 * false pass.)
 */
final class TickWatch implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 20;

  /** Per target: ticks seen, and the largest lateness of any of them. */
  record Lateness(String target, int ticks, Duration worst, Duration mean) {}

  private final Supplier<List<TargetStatus>> targets;
  private final Duration interval;
  private final Map<String, List<Instant>> starts = new TreeMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  TickWatch(Supplier<List<TargetStatus>> targets, Duration interval) {
    this.targets = targets;
    this.interval = interval;
    this.sampler = new Thread(this::sample, "tick-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    while (running) {
      for (TargetStatus t : targets.get()) {
        if (t.lastScrape() != null) {
          record(t.name(), Instant.parse(t.lastScrape()));
        }
      }
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void record(String target, Instant start) {
    List<Instant> seen = starts.computeIfAbsent(target, k -> new ArrayList<>());
    if (seen.isEmpty() || seen.get(seen.size() - 1).isBefore(start)) {
      seen.add(start);
    }
  }

  /** Stops sampling and judges every target's ticks seen since the watch began. */
  synchronized List<Lateness> stop() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join(1000);
    List<Lateness> result = new ArrayList<>();
    starts.forEach((target, seen) -> result.add(judge(target, seen)));
    return result;
  }

  private Lateness judge(String target, List<Instant> seen) {
    List<Duration> offsets = new ArrayList<>();
    for (int k = 0; k < seen.size(); k++) {
      offsets.add(Duration.between(seen.get(0).plus(interval.multipliedBy(k)), seen.get(k)));
    }
    Duration origin = offsets.stream().min(Duration::compareTo).orElse(Duration.ZERO);
    Duration worst = Duration.ZERO;
    Duration total = Duration.ZERO;
    for (Duration offset : offsets) {
      Duration late = offset.minus(origin);
      worst = late.compareTo(worst) > 0 ? late : worst;
      total = total.plus(late);
    }
    return new Lateness(target, seen.size(), worst, total.dividedBy(Math.max(1, seen.size())));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join(1000);
  }
}
