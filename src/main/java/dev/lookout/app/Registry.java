package dev.lookout.app;

import dev.lookout.output.metrics.MetricsPage;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The registries the agent owns (never the global one): Prometheus gets every series; JMX gets
 * the agent's own health and the JVM's, not the cluster model, which can be tens of thousands of
 * series and is served by /metrics (the {@link MetricsPage}) and the API. Every series has the
 * `cluster` label.
 */
record Registry(CompositeMeterRegistry all, PrometheusMeterRegistry prometheus, JmxMeterRegistry jmx,
    MetricsPage page) implements AutoCloseable {

  @SuppressWarnings("resource") // the binders live as long as the registry, closed with it
  static Registry create(String cluster) {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    JmxMeterRegistry jmx = new JmxMeterRegistry(JmxConfig.DEFAULT, Clock.SYSTEM);
    jmx.config().meterFilter(MeterFilter.denyNameStartsWith("lookout.restate"))
        .meterFilter(MeterFilter.denyNameStartsWith("lookout.alerts"));
    CompositeMeterRegistry all = new CompositeMeterRegistry();
    all.add(prometheus);
    all.add(jmx);
    all.config().commonTags("cluster", cluster)
        // Names Prometheus' own lint rejects (an abbreviated unit; `_count` on a gauge).
        .meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"))
        .meterFilter(MeterFilter.deny(id -> id.getName().equals("system.cpu.count")));
    new JvmMemoryMetrics().bindTo(all);
    new JvmGcMetrics().bindTo(all);
    new JvmThreadMetrics().bindTo(all);
    new ClassLoaderMetrics().bindTo(all);
    ProcessorGauges.bindTo(all);
    new UptimeMetrics().bindTo(all);
    return new Registry(all, prometheus, jmx, new MetricsPage(prometheus));
  }

  /** The /metrics page: the meters, then the cluster model's series. */
  byte[] scrape() {
    return page.render();
  }

  /** The same, written to {@code out} in pieces. */
  void writeTo(java.io.OutputStream out) throws java.io.IOException {
    page.writeTo(out);
  }

  @Override
  public void close() {
    all.close();
    prometheus.close();
    jmx.close();
  }
}
