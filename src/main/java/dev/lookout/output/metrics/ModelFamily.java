package dev.lookout.output.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One gauge family of the cluster model, computed from a snapshot when /metrics is rendered: one
 * series per entity the snapshot lists, none for an unknown (null) value. Holding no series of its
 * own, it costs nothing between renders however large the cluster.
 */
final class ModelFamily<S, T> {
  private final MetricMetadata metadata;
  private final Function<S, List<T>> entities;
  private final Function<T, Tags> tags;
  private final Function<T, Number> value;

  /** {@code name} dotted as Micrometer names meters ("lookout.restate.node.up"). */
  ModelFamily(String name, String help, Function<S, List<T>> entities, Function<T, Tags> tags,
      Function<T, Number> value) {
    this.metadata = new MetricMetadata(name.replace('.', '_'), help);
    this.entities = entities;
    this.tags = tags;
    this.value = value;
  }

  /**
   * The family's series for {@code snapshot}, each labelled with {@code common} too. Two entities
   * with the same labels (a table listing a row twice) give one series, the first's: Prometheus
   * rejects a page with duplicates.
   */
  GaugeSnapshot collect(S snapshot, Tags common) {
    List<T> all = entities.apply(snapshot);
    List<GaugeDataPointSnapshot> points = new ArrayList<>(all.size());
    Set<Labels> seen = new HashSet<>(all.size() * 2);
    for (T entity : all) {
      Number v = value.apply(entity);
      if (v == null) {
        continue;
      }
      Labels labels = labels(tags.apply(entity).and(common));
      if (seen.add(labels)) {
        points.add(new GaugeDataPointSnapshot(v.doubleValue(), labels, null));
      }
    }
    return new GaugeSnapshot(metadata, points);
  }

  private static Labels labels(Tags tags) {
    List<String> names = new ArrayList<>(4);
    List<String> values = new ArrayList<>(4);
    for (Tag t : tags) {
      names.add(t.getKey());
      values.add(t.getValue());
    }
    return Labels.of(names, values);
  }
}
