package dev.lookout.model.nats;

import java.util.List;
import java.util.Objects;

/** One NATS Streaming channel as one server holds it (/streaming/channelsz?subs=1). */
public record StanChannel(
    String server,
    String name,
    long msgs,
    long bytes,
    long firstSeq,
    long lastSeq,
    int subsCount,
    List<Subscription> subscriptions) {

  public StanChannel {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(name, "name");
    subscriptions = List.copyOf(subscriptions);
  }

  /** {@code queueName} and {@code durableName} are null when the server omits them. */
  public record Subscription(String clientId, String durableName, String queueName,
      boolean durable, boolean offline, long lastSent, long pendingCount, boolean stalled) {}

  /**
   * Durable subscriptions whose next message was already removed by the channel limits: they
   * lost messages. The next message is {@code lastSent + 1}; it is lost when below first_seq.
   */
  public List<Subscription> lostMessages() {
    return subscriptions.stream()
        .filter(s -> s.durable() && s.lastSent() + 1 < firstSeq)
        .toList();
  }

  /** Same counts and sequences: what a follower restored from its leader must show. */
  public boolean sameContents(StanChannel other) {
    return msgs == other.msgs && firstSeq == other.firstSeq && lastSeq == other.lastSeq
        && subsCount == other.subsCount;
  }
}
