package dev.lookout.output.metrics;

import dev.lookout.model.TargetSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The gauge families of one kind of snapshot, all refreshed from the newest snapshot that saw the
 * system: a failed read keeps the last known series rather than blanking every one of them.
 */
final class GaugeFamilies<S extends TargetSnapshot> {
  private final MeterRegistry registry;
  private final List<Runnable> families = new ArrayList<>();
  private S snapshot;

  GaugeFamilies(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Adds a family whose entities the snapshot lists and whose series each entity keys. */
  <T> void add(String name, String help, Function<S, List<T>> entities, Function<T, Tags> tags,
      Function<T, Number> value) {
    GaugeFamily<T> family = new GaugeFamily<>(registry, name, help, tags, value);
    families.add(() -> family.update(entities.apply(snapshot)));
  }

  synchronized void update(S next) {
    if (!next.readOk()) {
      return;
    }
    snapshot = next;
    families.forEach(Runnable::run);
  }
}
