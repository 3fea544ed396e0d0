package dev.lookout.alerts;

import java.util.Map;
import java.util.Objects;

/**
 * What one rule evaluation produced for one matching entity, before the lifecycle is applied.
 * The rule state adds {@code alertname}, so labels here need not carry it.
 */
public record Candidate(Map<String, String> labels, Map<String, String> annotations) {
  public Candidate {
    labels = Map.copyOf(Objects.requireNonNull(labels, "labels"));
    annotations = Map.copyOf(Objects.requireNonNull(annotations, "annotations"));
  }

  public static Candidate of(Map<String, String> labels) {
    return new Candidate(labels, Map.of());
  }
}
