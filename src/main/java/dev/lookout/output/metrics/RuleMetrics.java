package dev.lookout.output.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rule engine's own health: whether the last reload worked (a failed one keeps the previous
 * rules), and per rule how long its evaluation took and how often it failed.
 */
public final class RuleMetrics {
  private final MeterRegistry registry;
  private final AtomicLong reloadOk = new AtomicLong(1);
  private final AtomicLong reloadOkAtMillis = new AtomicLong();
  private final AtomicLong rules = new AtomicLong();
  private final Map<String, AtomicLong> durationNanos = new ConcurrentHashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();

  public RuleMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("lookout.rules.last.reload.successful", reloadOk, AtomicLong::get)
        .description("1 if the last rule reload succeeded; 0 means the previous rules are in use")
        .register(registry);
    Gauge.builder("lookout.rules.last.reload.success.timestamp.seconds", reloadOkAtMillis, m -> m.get() / 1e3)
        .description("When the rules were last loaded successfully").register(registry);
    Gauge.builder("lookout.rules.loaded", rules, AtomicLong::get)
        .description("Alerting rules in use").register(registry);
  }

  public void reloaded(boolean ok, long nowMillis, int ruleCount) {
    reloadOk.set(ok ? 1 : 0);
    if (ok) {
      reloadOkAtMillis.set(nowMillis);
      rules.set(ruleCount);
    }
  }

  public void evaluated(String alertname, double seconds, int errors) {
    durationNanos.computeIfAbsent(alertname, name -> {
      AtomicLong holder = new AtomicLong();
      Gauge.builder("lookout.rule.evaluation.duration.seconds", holder, h -> h.get() / 1e9)
          .tag("alertname", name).description("Time the rule's last evaluation took").register(registry);
      return holder;
    }).set((long) (seconds * 1e9));
    failures.computeIfAbsent(alertname, name -> Counter.builder("lookout.rule.evaluation.failures")
        .tag("alertname", name).description("Entities whose evaluation failed, by rule")
        .register(registry)).increment(errors);
  }
}
