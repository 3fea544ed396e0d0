package dev.lookout.output.metrics;

import dev.lookout.model.TargetSnapshot;
import java.io.IOException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The gauge families of one kind of snapshot, served from the newest snapshot that saw the system:
 * a failed read keeps the last known series rather than blanking every one of them.
 *
 * <p>The series are written straight to the text format when Prometheus scrapes, streamed from
 * the snapshot: a large cluster has hundreds of thousands of them, so neither a meter or label
 * object per series (which cost more CPU than the whole rest of the tick) nor a page held between
 * scrapes (tens of megabytes). They carry the registry's common tags like every meter.
 */
final class GaugeFamilies<S extends TargetSnapshot> {
  private final List<ModelFamily<S, ?>> families = new ArrayList<>();
  private final List<EntityKind<S, ?>> kinds = new ArrayList<>();
  private final AtomicLong lastSeries = new AtomicLong();
  private final List<Tag> common;
  /** The newest snapshot that saw the system; null before the first. */
  private volatile S shown;

  /** {@code kind} ("restate", "nats") labels the family set's own series count. */
  GaugeFamilies(MeterRegistry registry, MetricsPage metrics, String kind) {
    Gauge count = Gauge.builder("lookout.model.series", lastSeries, AtomicLong::get).tag("kind", kind)
        .description("Series of the cluster model on /metrics, as last rendered").register(registry);
    this.common = count.getId().getTags().stream().filter(t -> !t.getKey().equals("kind")).toList();
    metrics.add(this::writeTo);
  }

  /** Entities the snapshot lists, named by {@code labels}; the registry's common labels are added. */
  <T> EntityKind<S, T> kind(Function<S, List<T>> entities, List<Label<T>> labels) {
    List<Label<T>> all = new ArrayList<>(labels);
    common.forEach(t -> all.add(Label.constant(t.getKey(), t.getValue())));
    EntityKind<S, T> k = new EntityKind<>(entities, all);
    kinds.add(k);
    return k;
  }

  /** A family with one series per entity of {@code kind}. */
  <T> void add(String name, String help, EntityKind<S, T> kind, Function<T, Number> value) {
    add(name, help, kind, List.of(), value);
  }

  /** The same with labels of its own besides the kind's. */
  <T> void add(String name, String help, EntityKind<S, T> kind, List<Label<T>> extra,
      Function<T, Number> value) {
    families.add(new ModelFamily<>(name, help, kind, extra, value));
  }

  /** Shows {@code next} from now on when it saw the system; else the last one stays. */
  void update(S next) {
    if (next.readOk()) {
      shown = next;
    }
  }

  /** Writes the series of the snapshot shown; one render at a time (the kinds cache labels). */
  synchronized void writeTo(TextPage page) throws IOException {
    S snapshot = shown;
    if (snapshot == null) {
      return;
    }
    long series = 0;
    try {
      for (ModelFamily<S, ?> family : families) {
        series += family.write(snapshot, page);
      }
    } finally {
      kinds.forEach(EntityKind::forget);
    }
    lastSeries.set(series);
  }
}
