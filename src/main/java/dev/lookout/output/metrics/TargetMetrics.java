package dev.lookout.output.metrics;

import dev.lookout.model.SourceError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's own health for one target, so a scrape that fails is visible as a metric rather
 * than as silence: up, last scrape duration, errors by reason (a malformed metric family a node
 * served counts as {@code bad_response}).
 */
public final class TargetMetrics {
  private final AtomicLong up = new AtomicLong();
  private final AtomicLong durationNanos = new AtomicLong();
  private final AtomicLong lastSuccessMillis = new AtomicLong();
  private final Map<SourceError.Reason, Counter> errors = new EnumMap<>(SourceError.Reason.class);
  private final Counter scrapes;

  public TargetMetrics(MeterRegistry registry, String target, String type) {
    Gauge.builder("lookout.target.up", up, AtomicLong::get).tags("target", target, "type", type)
        .description("1 if the last scrape of the target read its cluster state").register(registry);
    Gauge.builder("lookout.scrape.duration.seconds", durationNanos, n -> n.get() / 1e9)
        .tags("target", target).description("Wall time of the last scrape of the target").register(registry);
    Gauge.builder("lookout.last.success.timestamp.seconds", lastSuccessMillis, m -> m.get() / 1e3)
        .tags("target", target).description("When the target was last scraped successfully")
        .register(registry);
    for (SourceError.Reason reason : SourceError.Reason.values()) {
      errors.put(reason, Counter.builder("lookout.scrape.errors").tags("target", target, "reason", reason.label())
          .description("Failed reads of the target, by reason").register(registry));
    }
    scrapes = Counter.builder("lookout.scrapes").tags("target", target)
        .description("Scrapes of the target").register(registry);
  }

  public void record(boolean success, long nanos, long nowMillis, Iterable<SourceError> failures) {
    scrapes.increment();
    up.set(success ? 1 : 0);
    durationNanos.set(nanos);
    if (success) {
      lastSuccessMillis.set(nowMillis);
    }
    for (SourceError e : failures) {
      errors.get(e.reason()).increment();
    }
  }
}
