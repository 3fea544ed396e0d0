package dev.lookout.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * {@code process_cpu_usage}, {@code system_cpu_usage} and {@code system_load_average_1m}, named as
 * Micrometer's ProcessorMetrics names them, but each read at most once a second. In a container
 * the JDK reads cgroup files on every such call, which made these three over half the cost of
 * rendering /metrics; a scrape burst now shares one reading.
 */
final class ProcessorGauges {
  private static final long MAX_AGE_NANOS = 1_000_000_000L;

  private ProcessorGauges() {}

  static void bindTo(MeterRegistry registry) {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    LongSupplier clock = System::nanoTime;
    register(registry, "process.cpu.usage", "The recent cpu usage for the Java Virtual Machine process",
        new Cached(() -> unknownIfNegative(os.getProcessCpuLoad()), clock));
    register(registry, "system.cpu.usage", "The recent cpu usage of the system the application is running in",
        new Cached(() -> unknownIfNegative(os.getCpuLoad()), clock));
    register(registry, "system.load.average.1m", "The sum of the number of runnable entities queued "
        + "to available processors and the number of runnable entities running on the available "
        + "processors averaged over a period of time",
        new Cached(() -> unknownIfNegative(os.getSystemLoadAverage()), clock));
  }

  private static void register(MeterRegistry registry, String name, String help, Cached value) {
    Gauge.builder(name, value, Cached::get).description(help).register(registry);
  }

  // The JDK answers a negative number when it cannot tell.
  private static double unknownIfNegative(double value) {
    return value < 0 ? Double.NaN : value;
  }

  /** A value read again only when the last reading is older than a second. */
  static final class Cached {
    private final DoubleSupplier read;
    private final LongSupplier nanoTime;
    private double value;
    private long readAt;
    private boolean valid;

    Cached(DoubleSupplier read, LongSupplier nanoTime) {
      this.read = read;
      this.nanoTime = nanoTime;
    }

    synchronized double get() {
      long now = nanoTime.getAsLong();
      if (!valid || now - readAt >= MAX_AGE_NANOS) {
        value = read.getAsDouble();
        readAt = now;
        valid = true;
      }
      return value;
    }
  }
}
