package dev.lookout.rules.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a rule iterates over. Each scope names the variables its expression may read (the entity
 * itself, the entities it belongs to, {@code cluster} and {@code params}) and the labels that
 * identify one match, which come from the entity's key. {@link #SAMPLE} iterates over the
 * samples any target read (JMX attributes, metrics pages): a match is identified by the
 * sample's own labels plus {@code target}, so which labels exist is only known at run time.
 */
public enum Scope {
  CLUSTER(List.of("cluster", "params"), List.of()),
  NODE(List.of("node", "cluster", "params"), List.of("node")),
  LOG(List.of("log", "cluster", "params"), List.of("log")),
  PARTITION(List.of("partition", "log", "cluster", "params"), List.of("partition")),
  REPLICA(List.of("replica", "partition", "log", "node", "cluster", "params"),
      List.of("partition", "node")),
  SAMPLE(List.of("sample", "params"), List.of("target"));

  private final List<String> variables;
  private final List<String> identityLabels;

  Scope(List<String> variables, List<String> identityLabels) {
    this.variables = variables;
    this.identityLabels = identityLabels;
  }

  /** The word written after {@code each:}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Variables visible to this scope's expressions and templates, the entity itself first. */
  public List<String> variables() {
    return variables;
  }

  /** The identity labels known at load; a {@link #SAMPLE} match has more, see above. */
  public List<String> identityLabels() {
    return identityLabels;
  }

  /** True when matches carry labels of the data too, so templates may name any label. */
  public boolean labelsFromData() {
    return this == SAMPLE;
  }

  static Optional<Scope> of(String word) {
    for (Scope s : values()) {
      if (s.word().equals(word)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
