package dev.lookout.output.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of delivery. {@code maxBatch} alerts per request, as Prometheus does;
 * {@code giveUpAfter} limits how long one batch may hold up its receiver's queue, so a request
 * the receiver keeps failing on cannot stop every later alert.
 */
record Settings(int capacity, int maxBatch, Backoff backoff, Duration giveUpAfter) {
  static final Settings DEFAULT = new Settings(10_000, 64, Backoff.DEFAULT, Duration.ofMinutes(10));

  Settings {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    if (capacity < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("capacity and maxBatch must be >= 1, got " + capacity
          + " and " + maxBatch);
    }
  }
}
