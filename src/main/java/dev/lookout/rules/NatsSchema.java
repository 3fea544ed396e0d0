package dev.lookout.rules;

import static dev.lookout.rules.Field.bool;
import static dev.lookout.rules.Field.computed;
import static dev.lookout.rules.Field.integer;
import static dev.lookout.rules.Field.list;
import static dev.lookout.rules.Field.nullable;
import static dev.lookout.rules.Field.nullableBool;
import static dev.lookout.rules.Field.string;

import dev.cel.common.types.SimpleType;
import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanChannel;
import dev.lookout.model.nats.StanDiff;
import dev.lookout.model.nats.StreamState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The typed view rules have of a NATS snapshot, as {@link Schema} is for Restate: the variables
 * {@code server}, {@code nats}, {@code stream}, {@code sreplica}, {@code follower} and
 * {@code sub}. What a server did not report (a failed endpoint, a field STAN or JetStream lacks)
 * reads as unknown, so a rule never fires on it.
 */
final class NatsSchema {
  static final Map<String, Map<String, Field>> VARIABLES = Map.of(
      "server", index(serverFields()), "nats", index(clusterFields()),
      "stream", index(streamFields()), "sreplica", index(replicaFields()),
      "follower", index(followerFields()), "sub", index(subscriptionFields()));

  private NatsSchema() {}

  private static Map<String, Field> index(List<Field> fields) {
    Map<String, Field> map = new LinkedHashMap<>();
    fields.forEach(f -> map.put(f.name(), f));
    return map;
  }

  private static List<Field> serverFields() {
    Function<Row, NatsServer> s = r -> r.server;
    Function<Row, NatsServer.Storage> st = r -> r.server == null ? null : r.server.storage();
    Function<Row, NatsServer.Health> h = r -> r.server == null ? null : r.server.health();
    Function<Row, NatsServer.Stan> stan = r -> r.server == null ? null : r.server.stan();
    return List.of(string("name", s, NatsServer::name), string("url", s, NatsServer::url),
        string("reachable", s, x -> lower(x.reachable())),
        bool("varzOk", s, NatsServer::varzOk),
        string("jszState", s, x -> lower(x.jszState())),
        string("version", s, NatsServer::version),
        nullableBool("jetstreamEnabled", s, NatsServer::jetstreamEnabled),
        string("metaLeader", s, NatsServer::metaLeader),
        nullable("metaClusterSize", s, NatsServer::metaClusterSize),
        nullable("routes", s, NatsServer::routes),
        nullableBool("healthOk", h, NatsServer.Health::ok),
        integer("healthCode", h, NatsServer.Health::httpCode),
        string("healthError", h, NatsServer.Health::error),
        nullable("storageUsed", st, x -> unsigned(x.storageUsed())),
        nullable("storageReserved", st, x -> limit(x.storageReserved())),
        nullable("storageMax", st, x -> limit(x.storageMax())),
        nullable("storagePercent", st, x -> percent(x.storageFraction())),
        string("stanClusterId", stan, NatsServer.Stan::clusterId),
        string("stanState", stan, NatsServer.Stan::state),
        string("stanRole", stan, NatsServer.Stan::role),
        integer("stanChannels", stan, NatsServer.Stan::channels),
        integer("stanSubscriptions", stan, NatsServer.Stan::subscriptions),
        integer("stanMessages", stan, NatsServer.Stan::totalMsgs),
        nullableBool("ftActive", stan, NatsServer.Stan::ftActive));
  }

  private static List<Field> clusterFields() {
    Function<Row, NatsClusterFacts> c = r -> r.natsFacts == null ? null : r.natsFacts.cluster;
    return List.of(integer("servers", c, NatsClusterFacts::servers),
        integer("reachableServers", c, NatsClusterFacts::reachableServers),
        integer("quorum", c, NatsClusterFacts::quorum),
        integer("jetstreamServers", c, NatsClusterFacts::jetstreamServers),
        integer("metaLeaders", c, NatsClusterFacts::metaLeaders),
        integer("streams", c, NatsClusterFacts::streams),
        integer("leaderlessStreams", c, NatsClusterFacts::leaderlessStreams),
        integer("stanServers", c, NatsClusterFacts::stanServers),
        integer("stanClustered", c, NatsClusterFacts::stanClustered),
        integer("stanLeaders", c, NatsClusterFacts::stanLeaders),
        integer("stanCandidates", c, NatsClusterFacts::stanCandidates),
        integer("ftServers", c, NatsClusterFacts::ftServers),
        integer("ftActive", c, NatsClusterFacts::ftActive),
        integer("errors", c, NatsClusterFacts::errors));
  }

  private static List<Field> streamFields() {
    Function<Row, NatsStream> s = r -> r.stream;
    Function<Row, StreamState> l = r -> r.stream == null ? null : r.stream.leaderState();
    return List.of(string("account", s, NatsStream::account), string("name", s, NatsStream::name),
        integer("configuredReplicas", s, NatsStream::configuredReplicas),
        string("leader", s, NatsStream::leader), bool("leaderless", s, NatsStream::leaderless),
        integer("messages", l, StreamState::messages), integer("bytes", l, StreamState::bytes),
        integer("firstSeq", l, StreamState::firstSeq), integer("lastSeq", l, StreamState::lastSeq),
        integer("consumers", l, StreamState::consumerCount),
        integer("members", s, x -> x.replicas().size() + (x.leaderless() ? 0 : 1)),
        nullable("currentReplicas", s, NatsSchema::currentReplicas),
        integer("notCurrentReplicas", s, x -> count(x, r -> Boolean.FALSE.equals(r.current()))),
        integer("offlineReplicas", s, x -> count(x, r -> Boolean.TRUE.equals(r.offline()))),
        integer("divergedReplicas", s, x -> x.divergedReplicas().size()),
        bool("underReplicated", s, NatsStream::underReplicated));
  }

  private static List<Field> replicaFields() {
    Function<Row, NatsStream.Replica> x = r -> r.sreplica;
    Function<Row, StreamState> own = r -> r.sreplica == null ? null : r.sreplica.own();
    Function<Row, StreamState> l = r -> r.stream == null ? null : r.stream.leaderState();
    return List.of(string("server", x, NatsStream.Replica::server),
        nullableBool("current", x, NatsStream.Replica::current),
        nullableBool("offline", x, NatsStream.Replica::offline),
        nullable("lag", x, NatsStream.Replica::lag),
        nullable("activeNanos", x, NatsStream.Replica::activeNanos),
        integer("ownMessages", own, StreamState::messages),
        integer("ownFirstSeq", own, StreamState::firstSeq),
        integer("ownLastSeq", own, StreamState::lastSeq),
        integer("leaderMessages", l, StreamState::messages),
        integer("leaderFirstSeq", l, StreamState::firstSeq),
        integer("leaderLastSeq", l, StreamState::lastSeq),
        computed("messageGap", r -> gap(r, StreamState::messages)),
        computed("firstSeqGap", r -> gap(r, StreamState::firstSeq)),
        bool("diverged", r -> r.stream == null ? null : r,
            r -> r.stream.divergedReplicas().contains(r.sreplica)));
  }

  private static List<Field> followerFields() {
    Function<Row, StanDiff> d = r -> r.follower;
    return List.of(string("server", d, StanDiff::server), string("leader", d, StanDiff::leader),
        integer("missingChannels", d, x -> x.missing().size()),
        integer("extraChannels", d, x -> x.extra().size()),
        integer("differingChannels", d, x -> x.differing().size()),
        list("missing", SimpleType.STRING, d, StanDiff::missing),
        list("extra", SimpleType.STRING, d, StanDiff::extra),
        list("differing", SimpleType.STRING, d, StanDiff::differing),
        integer("subscriptions", d, StanDiff::subscriptions),
        integer("leaderSubscriptions", d, StanDiff::leaderSubscriptions),
        bool("diverged", d, StanDiff::diverged));
  }

  private static List<Field> subscriptionFields() {
    Function<Row, StanChannel.Subscription> s = r -> r.sub;
    Function<Row, StanChannel> c = r -> r.channel;
    return List.of(string("server", c, StanChannel::server), string("channel", c, StanChannel::name),
        string("clientId", s, StanChannel.Subscription::clientId),
        string("durableName", s, StanChannel.Subscription::durableName),
        string("queueName", s, StanChannel.Subscription::queueName),
        bool("durable", s, StanChannel.Subscription::durable),
        bool("offline", s, StanChannel.Subscription::offline),
        integer("lastSent", s, StanChannel.Subscription::lastSent),
        integer("pendingCount", s, StanChannel.Subscription::pendingCount),
        bool("stalled", s, StanChannel.Subscription::stalled),
        integer("channelMessages", c, StanChannel::msgs),
        integer("channelFirstSeq", c, StanChannel::firstSeq),
        integer("channelLastSeq", c, StanChannel::lastSeq),
        bool("lost", r -> r.channel == null ? null : r,
            r -> r.channel.lostMessages().contains(r.sub)),
        computed("missedMessages", NatsSchema::missedMessages));
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** An unsigned 64-bit figure, capped at Long.MAX_VALUE (no disk holds 8 EiB). */
  private static Long unsigned(long value) {
    return value < 0 ? Long.MAX_VALUE : value;
  }

  /** A configured limit: -1 (unset) and uint64 max (unlimited) are no limit, read as unknown. */
  private static Long limit(long value) {
    return value < 0 ? null : value;
  }

  private static Long percent(Double fraction) {
    return fraction == null ? null : (long) Math.floor(fraction * 100);
  }

  /** Members the leader calls current, itself included; unknown without a leader. */
  private static Long currentReplicas(NatsStream s) {
    return s.leaderless() ? null : 1 + count(s, r -> Boolean.TRUE.equals(r.current()));
  }

  private static long count(NatsStream s, java.util.function.Predicate<NatsStream.Replica> p) {
    return s.replicas().stream().filter(p).count();
  }

  /** How far a replica's own figure is from the leader's, either way; unknown without both. */
  private static long gap(Row r, java.util.function.ToLongFunction<StreamState> figure) {
    StreamState own = r.sreplica == null ? null : r.sreplica.own();
    StreamState leader = r.stream == null ? null : r.stream.leaderState();
    if (own == null || leader == null) {
      r.unknown = true;
      return 0;
    }
    return Math.abs(figure.applyAsLong(leader) - figure.applyAsLong(own));
  }

  private static long missedMessages(Row r) {
    if (r.channel == null || r.sub == null) {
      r.unknown = true;
      return 0;
    }
    return Math.max(0, r.channel.firstSeq() - (r.sub.lastSent() + 1));
  }
}
