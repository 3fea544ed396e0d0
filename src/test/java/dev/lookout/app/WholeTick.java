package dev.lookout.app;

import dev.lookout.model.RestateSnapshot;
import dev.lookout.output.metrics.RestateGauges;
import dev.lookout.output.metrics.TargetMetrics;
import dev.lookout.rules.RuleSet;
import dev.lookout.source.restate.RestateSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The agent's work for one Restate target, step by step as {@link Agent} chains it, so each step
 * can be timed: scrape (reads, decode, model), publish the model as gauges, evaluate every shipped
 * rule, and render /metrics as Prometheus scrapes it.
 */
public final class WholeTick implements AutoCloseable {
  /** The rule files the agent ships for Restate. */
  public static final Path SHIPPED_RULES = Path.of("rules", "restate.yaml");

  private final RestateSource source;
  private final Registry registry = Registry.create("sim");
  private final RestateGauges gauges = new RestateGauges(registry.all(), registry.page());
  private final TargetMetrics targetMetrics = new TargetMetrics(registry.all(), "sim", "restate");
  private final Alerting alerting;
  private RestateSnapshot latest;

  public WholeTick(RestateSource source) throws Exception {
    this.source = source;
    this.alerting = new Alerting(RuleSet.load(List.of(SHIPPED_RULES), "https://runbooks.example"));
  }

  public RestateSnapshot scrape(long nowMillis) {
    long started = System.nanoTime();
    latest = source.scrape(nowMillis);
    targetMetrics.record(latest.readOk(), System.nanoTime() - started, nowMillis, latest.errors());
    return latest;
  }

  public void publish() {
    gauges.update(latest);
  }

  public void evaluateRules(long nowMillis) {
    alerting.evaluate(List.of(new Alerting.RestateView("sim", latest)),
        Instant.ofEpochMilli(nowMillis));
  }

  /** Alerts pending or firing after the last evaluation. */
  public int alerts() {
    return alerting.alerts().size();
  }

  /** The /metrics page, UTF-8. */
  public byte[] render() {
    return registry.scrape();
  }

  /** Writes the /metrics page as a scrape does, to a stream that drops it: the cost of serving it. */
  public void stream() {
    try {
      registry.writeTo(java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    registry.close();
    source.close();
  }
}
