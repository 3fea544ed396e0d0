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
  // NATS targets: a rule of these scopes is evaluated on NATS snapshots only, the others on
  // Restate snapshots only, so one rule file may hold both kinds.
  NATS(List.of("nats", "params"), List.of()),
  SERVER(List.of("server", "nats", "params"), List.of("server")),
  STREAM(List.of("stream", "nats", "params"), List.of("account", "stream")),
  STREAM_REPLICA(List.of("sreplica", "stream", "server", "nats", "params"),
      List.of("account", "stream", "server")),
  STAN_FOLLOWER(List.of("follower", "server", "nats", "params"), List.of("server")),
  STAN_SUBSCRIPTION(List.of("sub", "server", "nats", "params"),
      List.of("server", "channel", "client")),
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

  /** One row for the whole cluster: such rules still judge a read that saw nothing (target down). */
  public boolean clusterWide() {
    return this == CLUSTER || this == NATS;
  }

  /** Whether the scope ranges over a NATS snapshot rather than a Restate one. */
  public boolean nats() {
    switch (this) {
      case NATS: case SERVER: case STREAM: case STREAM_REPLICA: case STAN_FOLLOWER:
      case STAN_SUBSCRIPTION:
        return true;
      default:
        return false;
    }
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
