package dev.lookout.source.nats;

import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StreamState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins every server's view of each stream into one stream. The leader is the server that names
 * itself leader in its own /jsz: a follower's {@code leader} field can be stale for seconds.
 */
final class StreamAssembler {
  private StreamAssembler() {}

  /** @param views per server name (from /varz), that server's parsed /jsz */
  static List<NatsStream> streams(Map<String, JszParser.Jsz> views) {
    Map<List<String>, Map<String, JszParser.StreamView>> byStream = new TreeMap<>(
        (a, b) -> a.get(0).equals(b.get(0)) ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
    views.forEach((server, jsz) -> jsz.streams().forEach(s -> byStream
        .computeIfAbsent(List.of(s.account(), s.name()), k -> new TreeMap<>()).put(server, s)));
    List<NatsStream> streams = new ArrayList<>();
    byStream.forEach((key, members) -> streams.add(stream(key, members, views.keySet())));
    return streams;
  }

  private static NatsStream stream(List<String> key, Map<String, JszParser.StreamView> members,
      Set<String> read) {
    String leader = leader(members, read);
    JszParser.StreamView leaderView = leader == null ? null : members.get(leader);
    Map<String, JszParser.PeerView> seen = new LinkedHashMap<>();
    if (leaderView != null) {
      leaderView.replicas().forEach(p -> seen.put(p.name(), p));
    }
    Set<String> names = memberNames(members, seen.keySet(), leaderView == null);
    if (leader != null) {
      names.remove(leader);
    }
    List<NatsStream.Replica> replicas = new ArrayList<>();
    for (String name : names) {
      replicas.add(replica(name, seen.get(name), members.get(name)));
    }
    int configured = leaderView != null ? leaderView.configuredReplicas()
        : members.values().stream().mapToInt(JszParser.StreamView::configuredReplicas).max().orElse(1);
    return new NatsStream(key.get(0), key.get(1), configured, leader,
        leaderView == null ? null : leaderView.state(), replicas);
  }

  /** Members seen by the leader or reporting the stream; leaderless, also every one they name. */
  private static Set<String> memberNames(Map<String, JszParser.StreamView> members,
      Set<String> seenByLeader, boolean leaderless) {
    Set<String> names = new TreeSet<>(seenByLeader);
    names.addAll(members.keySet());
    if (leaderless) {
      members.values().forEach(v -> v.replicas().forEach(p -> names.add(p.name())));
    }
    return names;
  }

  private static NatsStream.Replica replica(String name, JszParser.PeerView byLeader,
      JszParser.StreamView own) {
    StreamState state = own == null ? null : own.state();
    if (byLeader == null) {
      return new NatsStream.Replica(name, null, null, null, null, state);
    }
    return new NatsStream.Replica(name, byLeader.current(), byLeader.offline(),
        byLeader.activeNanos(), byLeader.lag(), state);
  }

  /**
   * The member that names itself leader. Failing that, a leader every member agrees on whose own
   * /jsz was not read this tick (it may lead while its monitoring port is out of reach); else none.
   */
  private static String leader(Map<String, JszParser.StreamView> members, Set<String> read) {
    for (Map.Entry<String, JszParser.StreamView> e : members.entrySet()) {
      if (e.getKey().equals(e.getValue().claimedLeader())) {
        return e.getKey();
      }
    }
    Set<String> claims = new TreeSet<>();
    members.values().forEach(v -> claims.add(String.valueOf(v.claimedLeader())));
    String only = claims.size() == 1 ? claims.iterator().next() : null;
    return only == null || only.equals("null") || read.contains(only) ? null : only;
  }
}
