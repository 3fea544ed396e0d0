package dev.lookout.output.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Delivery health of one receiver: alerts by result, the queue's length against its capacity,
 * and how long the receiver takes to answer. Every series exists from the start at zero, so a
 * rate over it works before the first failure.
 */
final class NotifyMetrics {
  private final Map<Result, Counter> results = new EnumMap<>(Result.class);
  private final Timer latency;

  NotifyMetrics(MeterRegistry registry, String receiver, AlertQueue queue) {
    for (Result result : Result.values()) {
      results.put(result, Counter.builder("lookout.notifications")
          .tags("receiver", receiver, "result", result.label())
          .description("Alerts meant for the receiver, by what became of them").register(registry));
    }
    Gauge.builder("lookout.notification.queue.length", queue, AlertQueue::size)
        .tag("receiver", receiver).description("Alerts waiting to be sent to the receiver")
        .register(registry);
    Gauge.builder("lookout.notification.queue.capacity", queue, AlertQueue::capacity)
        .tag("receiver", receiver).description("Alerts the receiver's queue holds before it drops the oldest")
        .register(registry);
    latency = Timer.builder("lookout.notification.latency").tag("receiver", receiver)
        .description("Time from sending a batch to the receiver's reply").register(registry);
  }

  void count(Result result, int alerts) {
    if (alerts > 0) {
      results.get(result).increment(alerts);
    }
  }

  void latency(Duration took) {
    latency.record(took);
  }
}
