package dev.lookout.output.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alert state file's own health. A save that fails (full or read-only disk) does not stop
 * alerting, so it must show here: the agent goes on from memory and a restart would lose state.
 */
public final class StateMetrics {
  private final Counter failures;
  private final AtomicLong lastSuccessMillis = new AtomicLong();

  public StateMetrics(MeterRegistry registry) {
    failures = Counter.builder("lookout.state.write.failures")
        .description("Saves of the alert state file that failed; alerting went on from memory")
        .register(registry);
    Gauge.builder("lookout.state.last.write.success.timestamp.seconds", lastSuccessMillis, m -> m.get() / 1e3)
        .description("When the alert state file was last saved").register(registry);
  }

  public void saved(long nowMillis) {
    lastSuccessMillis.set(nowMillis);
  }

  public void failed() {
    failures.increment();
  }
}
