package dev.lookout.config;

import java.time.Duration;
import java.util.Objects;

/** How often targets are read, and how long one read may take. */
public record Scrape(Duration interval, Duration timeout) {
  public static final Scrape DEFAULT = new Scrape(Duration.ofSeconds(10), Duration.ofSeconds(3));

  public Scrape {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    // A timeout longer than the interval would let two scrapes of one target overlap.
    if (timeout.isNegative() || timeout.isZero()
        || timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "scrape timeout " + timeout + " must be > 0 and <= interval " + interval);
    }
  }
}
