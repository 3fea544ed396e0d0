package dev.lookout.rules;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entity for which a rule's expression was true: the alert instance's labels (identity
 * labels from the entity key, the rule's labels, {@code alertname}), its rendered annotations
 * and {@code value}, the text {@code $value} renders to.
 */
public record Match(Map<String, String> labels, Map<String, String> annotations, String value) {
  public Match {
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
    Objects.requireNonNull(value, "value");
  }

  public String alertname() {
    return labels.get("alertname");
  }
}
