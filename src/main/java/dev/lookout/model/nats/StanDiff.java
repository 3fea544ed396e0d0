package dev.lookout.model.nats;

import java.util.List;
import java.util.Objects;

/**
 * How one STAN server's channels differ from its leader's. A follower that never restored from
 * the leader shows here and nowhere else: it reports itself a healthy Follower.
 *
 * @param missing channels the leader has and the server lacks
 * @param extra channels the server has and the leader lacks
 * @param differing channels on both whose counts, sequences or subscription counts differ
 */
public record StanDiff(String server, String leader, List<String> missing, List<String> extra,
    List<String> differing, int subscriptions, int leaderSubscriptions) {

  public StanDiff {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(leader, "leader");
    missing = List.copyOf(missing);
    extra = List.copyOf(extra);
    differing = List.copyOf(differing);
  }

  public boolean diverged() {
    return !missing.isEmpty() || !extra.isEmpty() || !differing.isEmpty()
        || subscriptions != leaderSubscriptions;
  }
}
