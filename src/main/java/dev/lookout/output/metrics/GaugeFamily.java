package dev.lookout.output.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One gauge family whose series follow a list of entities: each update replaces the whole set,
 * so the series of an entity that vanished are removed, and an unknown value (null) has no series.
 */
final class GaugeFamily<T> {
  private final MultiGauge gauge;
  private final Function<T, Tags> tags;
  private final Function<T, Number> value;

  GaugeFamily(MeterRegistry registry, String name, String help, Function<T, Tags> tags,
      Function<T, Number> value) {
    this.gauge = MultiGauge.builder(name).description(help).register(registry);
    this.tags = tags;
    this.value = value;
  }

  void update(Collection<T> entities) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>(entities.size());
    for (T entity : entities) {
      Number v = value.apply(entity);
      if (v != null) {
        rows.add(MultiGauge.Row.of(tags.apply(entity), v));
      }
    }
    gauge.register(rows, true);
  }
}
