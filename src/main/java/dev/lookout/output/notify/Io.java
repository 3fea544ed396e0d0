package dev.lookout.output.notify;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * What delivery needs from the outside world, passed in so tests run on a fake clock, a fake
 * transport and a sleeper that only records, with no real waiting.
 */
record Io(Transport transport, InstantSource clock, Sleeper sleeper, DoubleSupplier random) {
  Io {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
  }

  @FunctionalInterface
  interface Sleeper {
    /** Waits, or throws at once when the thread is interrupted (at shutdown). */
    void sleep(Duration duration) throws InterruptedException;
  }
}
