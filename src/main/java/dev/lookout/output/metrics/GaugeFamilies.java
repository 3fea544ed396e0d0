package dev.lookout.output.metrics;

import dev.lookout.model.TargetSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The gauge families of one kind of snapshot, served from the newest snapshot that saw the system:
 * a failed read keeps the last known series rather than blanking every one of them.
 *
 * <p>The series are computed when Prometheus scrapes, by a collector in the Prometheus registry,
 * rather than kept as one Micrometer meter each: a large cluster has hundreds of thousands of
 * them, and re-registering them every tick cost more CPU than the whole rest of the tick and
 * hundreds of bytes of heap per series. They carry the registry's common tags like every meter.
 */
final class GaugeFamilies<S extends TargetSnapshot> {
  private final List<ModelFamily<S, ?>> families = new ArrayList<>();
  private final AtomicLong lastSeries = new AtomicLong();
  private final Tags common;
  private volatile S snapshot;

  /** {@code kind} ("restate", "nats") labels the family set's own series count. */
  GaugeFamilies(MeterRegistry registry, String kind) {
    Gauge count = Gauge.builder("lookout.model.series", lastSeries, AtomicLong::get).tag("kind", kind)
        .description("Series of the cluster model on the last /metrics render").register(registry);
    this.common = commonTags(count.getId().getTags());
    prometheusOf(registry).register((MultiCollector) this::collect);
  }

  /** Adds a family whose entities the snapshot lists and whose series each entity keys. */
  <T> void add(String name, String help, Function<S, List<T>> entities, Function<T, Tags> tags,
      Function<T, Number> value) {
    families.add(new ModelFamily<>(name, help, entities, tags, value));
  }

  void update(S next) {
    if (next.readOk()) {
      snapshot = next;
    }
  }

  private MetricSnapshots collect() {
    S s = snapshot;
    if (s == null) {
      return MetricSnapshots.of();
    }
    List<MetricSnapshot> all = new ArrayList<>(families.size());
    long series = 0;
    for (ModelFamily<S, ?> family : families) {
      MetricSnapshot m = family.collect(s, common);
      series += m.getDataPoints().size();
      all.add(m);
    }
    lastSeries.set(series);
    return new MetricSnapshots(all);
  }

  /** The tags the registry adds to every meter (the `cluster` label): those of our own gauge but `kind`. */
  private static Tags commonTags(List<Tag> probeTags) {
    Tags common = Tags.empty();
    for (Tag t : probeTags) {
      if (!t.getKey().equals("kind")) {
        common = common.and(t);
      }
    }
    return common;
  }

  private static PrometheusRegistry prometheusOf(MeterRegistry registry) {
    if (registry instanceof PrometheusMeterRegistry p) {
      return p.getPrometheusRegistry();
    }
    if (registry instanceof CompositeMeterRegistry c) {
      for (MeterRegistry child : c.getRegistries()) {
        if (child instanceof PrometheusMeterRegistry p) {
          return p.getPrometheusRegistry();
        }
      }
    }
    throw new IllegalArgumentException("the cluster model's series are served by a Prometheus"
        + " registry, and " + registry.getClass().getSimpleName() + " holds none");
  }
}
