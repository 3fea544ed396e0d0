package dev.lookout.model.nats;

import java.util.List;
import java.util.Objects;

/**
 * One JetStream stream across the cluster. {@code leader} is the server that names itself leader
 * in its own /jsz (null when none does: leaderless). Replica health comes only from that leader;
 * followers report stale values. Each replica's own contents come from its own /jsz.
 *
 * @param replicas every member but the leader: the union of the leader's view and the servers
 *     that reported the stream, sorted by name
 */
public record NatsStream(
    String account,
    String name,
    int configuredReplicas,
    String leader,
    StreamState leaderState,
    List<Replica> replicas) {

  public NatsStream {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(name, "name");
    replicas = List.copyOf(replicas);
  }

  /**
   * A follower. {@code current, offline, activeNanos, lag} are the leader's view (null without a
   * leader or when the leader does not list it; {@code offline} and {@code lag} are omitted by
   * the server when false or zero and read as false and 0). {@code own} is what the replica's own
   * /jsz holds, null when it was not read.
   */
  public record Replica(String server, Boolean current, Boolean offline, Long activeNanos,
      Long lag, StreamState own) {

    public Replica {
      Objects.requireNonNull(server, "server");
    }
  }

  public boolean leaderless() {
    return leader == null;
  }

  /** Replicas the leader calls current whose own messages or first sequence differ from it. */
  public List<Replica> divergedReplicas() {
    if (leaderState == null) {
      return List.of();
    }
    return replicas.stream()
        .filter(r -> Boolean.TRUE.equals(r.current()) && r.own() != null)
        .filter(r -> !r.own().sameContents(leaderState))
        .toList();
  }

  /** Replicas the leader lists as not current or offline. */
  public List<Replica> unhealthyReplicas() {
    return replicas.stream()
        .filter(r -> Boolean.FALSE.equals(r.current()) || Boolean.TRUE.equals(r.offline()))
        .toList();
  }

  /** Members known to the leader (itself included) fewer than the configured replica count. */
  public boolean underReplicated() {
    long viewed = replicas.stream().filter(r -> r.current() != null).count();
    return leader != null && viewed + 1 < configuredReplicas;
  }

  public Replica replica(String server) {
    return replicas.stream().filter(r -> r.server().equals(server)).findFirst().orElse(null);
  }
}
