package dev.lookout.output.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before retrying a batch: {@code initial} doubled on every retry up to
 * {@code max}, then shortened by up to {@code jitter} of itself at random so that agents which
 * lost the same Alertmanager do not come back in step.
 */
record Backoff(Duration initial, Duration max, double jitter) {
  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);

  Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial
          + " and " + max);
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
    }
  }

  /**
   * The wait before retry number {@code retry} (0 for the first retry), given a random number in
   * [0, 1).
   */
  Duration delay(int retry, double random) {
    Duration full = max;
    // Past 2^30 the doubling has long reached any sensible max; avoid overflowing.
    if (retry < 30) {
      Duration doubled = initial.multipliedBy(1L << retry);
      full = doubled.compareTo(max) < 0 ? doubled : max;
    }
    long nanos = full.toNanos();
    return Duration.ofNanos(nanos - (long) (nanos * jitter * random));
  }
}
