package dev.lookout.model;

import java.util.Map;
import java.util.Objects;

/** One value of a metric read from a target, for example a line of a Prometheus text page. */
public record Sample(String name, Map<String, String> labels, double value) {
  public Sample {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
  }

  /** The label's value, or "" when absent (Prometheus treats both alike). */
  public String label(String key) {
    return labels.getOrDefault(key, "");
  }
}
