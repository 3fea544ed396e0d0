package dev.lookout.model.nats;

import dev.lookout.model.SourceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything one tick read from one NATS cluster, immutable. Failed reads are in {@code errors};
 * the entities hold what the other reads gave.
 */
public record NatsSnapshot(
    String target,
    long atMillis,
    List<NatsServer> servers,
    List<NatsStream> streams,
    List<StanChannel> channels,
    List<SourceError> errors) implements dev.lookout.model.TargetSnapshot {

  public NatsSnapshot {
    Objects.requireNonNull(target, "target");
    servers = List.copyOf(servers);
    streams = List.copyOf(streams);
    channels = List.copyOf(channels);
    errors = List.copyOf(errors);
  }

  /** True when at least one server answered: the cluster was seen, if only in part. */
  @Override
  public boolean readOk() {
    return servers.stream().anyMatch(s -> s.reachable() == NatsServer.Reachability.OK);
  }

  public Optional<NatsServer> server(String name) {
    return servers.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Optional<NatsStream> stream(String account, String name) {
    return streams.stream()
        .filter(s -> s.account().equals(account) && s.name().equals(name))
        .findFirst();
  }

  /** The channels one server holds, by name. */
  public Map<String, StanChannel> channelsOf(String server) {
    Map<String, StanChannel> byName = new TreeMap<>();
    channels.stream().filter(c -> c.server().equals(server)).forEach(c -> byName.put(c.name(), c));
    return byName;
  }

  /** Names of the servers that report themselves STAN Leader (more than one is split brain). */
  public List<String> stanLeaders() {
    return servers.stream()
        .filter(s -> s.isStan() && s.stan().role() == NatsServer.StanRole.Leader)
        .map(NatsServer::name)
        .toList();
  }

  /**
   * How each other clustered STAN server's channels differ from the single leader's; empty
   * without exactly one leader. Servers whose channels were not read are left out.
   */
  public List<StanDiff> stanDiffs() {
    List<String> leaders = stanLeaders();
    if (leaders.size() != 1) {
      return List.of();
    }
    NatsServer leader = server(leaders.get(0)).orElseThrow();
    if (!leader.stan().channelsRead()) {
      return List.of();
    }
    List<StanDiff> diffs = new ArrayList<>();
    for (NatsServer s : servers) {
      if (s != leader && s.isStan() && s.stan().role() != null && s.stan().channelsRead()) {
        diffs.add(diff(s, leader));
      }
    }
    return diffs;
  }

  private StanDiff diff(NatsServer follower, NatsServer leader) {
    Map<String, StanChannel> mine = channelsOf(follower.name());
    Map<String, StanChannel> theirs = channelsOf(leader.name());
    List<String> missing = new ArrayList<>();
    List<String> differing = new ArrayList<>();
    theirs.forEach((name, lc) -> {
      StanChannel fc = mine.get(name);
      if (fc == null) {
        missing.add(name);
      } else if (!fc.sameContents(lc)) {
        differing.add(name);
      }
    });
    List<String> extra = mine.keySet().stream().filter(n -> !theirs.containsKey(n)).toList();
    return new StanDiff(follower.name(), leader.name(), missing, extra, differing,
        follower.stan().subscriptions(), leader.stan().subscriptions());
  }
}
