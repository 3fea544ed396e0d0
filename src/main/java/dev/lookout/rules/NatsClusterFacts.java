package dev.lookout.rules;

import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsServer.JszState;
import dev.lookout.model.nats.NatsServer.Reachability;
import dev.lookout.model.nats.NatsServer.StanRole;
import dev.lookout.model.nats.NatsServer.StanState;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsStream;
import java.util.Objects;

/**
 * NATS cluster-wide figures a rule reads as {@code nats.*}, computed once per snapshot. Counts
 * are over the servers that answered this tick, except {@code servers} (all configured) and
 * {@code quorum} (a majority of them).
 *
 * @param jetstreamServers servers whose /jsz answered with JetStream enabled
 * @param metaLeaders distinct meta leaders those servers name (0: meta leaderless; 2: split)
 * @param ftServers servers in a fault-tolerant pair, by state (FT_ACTIVE or FT_STANDBY): a
 *     clustered server answers isFTActive too, with 204
 * @param ftActive servers in FT_ACTIVE state or answering isFTActive with 200
 */
record NatsClusterFacts(
    long servers,
    long reachableServers,
    long quorum,
    long jetstreamServers,
    long metaLeaders,
    long streams,
    long leaderlessStreams,
    long stanServers,
    long stanClustered,
    long stanLeaders,
    long stanCandidates,
    long ftServers,
    long ftActive,
    long errors) {

  static NatsClusterFacts of(NatsSnapshot s) {
    long reachable = 0;
    long jetstream = 0;
    for (NatsServer n : s.servers()) {
      reachable += n.reachable() == Reachability.OK ? 1 : 0;
      jetstream += n.jszState() == JszState.OK && Boolean.TRUE.equals(n.jetstreamEnabled())
          ? 1 : 0;
    }
    long metaLeaders = s.servers().stream()
        .filter(n -> n.jszState() == JszState.OK && Boolean.TRUE.equals(n.jetstreamEnabled()))
        .map(NatsServer::metaLeader).filter(Objects::nonNull).distinct().count();
    long leaderless = s.streams().stream().filter(NatsStream::leaderless).count();
    return new NatsClusterFacts(s.servers().size(), reachable, s.servers().size() / 2 + 1,
        jetstream, metaLeaders, s.streams().size(), leaderless,
        stan(s, null, null), stan(s, StanState.CLUSTERED, null),
        stan(s, null, StanRole.Leader), stan(s, null, StanRole.Candidate),
        s.servers().stream().filter(NatsClusterFacts::inFtPair).count(),
        s.servers().stream().filter(NatsClusterFacts::ftActive).count(), s.errors().size());
  }

  /** STAN servers in {@code state} (any when null) with {@code role} (any when null). */
  private static long stan(NatsSnapshot s, StanState state, StanRole role) {
    return s.servers().stream().filter(NatsServer::isStan)
        .filter(n -> state == null || n.stan().state() == state)
        .filter(n -> role == null || n.stan().role() == role)
        .count();
  }

  private static boolean inFtPair(NatsServer n) {
    return n.isStan() && (n.stan().state() == StanState.FT_ACTIVE
        || n.stan().state() == StanState.FT_STANDBY);
  }

  private static boolean ftActive(NatsServer n) {
    return n.isStan() && (n.stan().state() == StanState.FT_ACTIVE
        || Boolean.TRUE.equals(n.stan().ftActive()));
  }
}
