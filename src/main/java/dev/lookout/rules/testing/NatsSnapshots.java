package dev.lookout.rules.testing;

import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsServer.JszState;
import dev.lookout.model.nats.NatsServer.Reachability;
import dev.lookout.model.nats.NatsServer.StanState;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanChannel;
import dev.lookout.model.nats.StreamState;
import dev.lookout.rules.testing.NatsSpec.ChannelSpec;
import dev.lookout.rules.testing.NatsSpec.ReplicaSpec;
import dev.lookout.rules.testing.NatsSpec.ServerSpec;
import dev.lookout.rules.testing.NatsSpec.StreamSpec;
import dev.lookout.rules.testing.NatsSpec.SubscriptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds NATS snapshots from test specs, filling what a test leaves out with a healthy cluster:
 * every server answers, JetStream servers agree on the first server as meta leader, streams are
 * led by the first server with every follower current and holding the leader's messages, and a
 * STAN server's channel and subscription counts are those of the channels the test gives it.
 */
final class NatsSnapshots {
  private static final long STREAM_BYTES_PER_MESSAGE = 100;

  private NatsSnapshots() {}

  static NatsSnapshot build(NatsSpec spec, long atMillis) {
    List<ServerSpec> serverSpecs = or(spec.servers(), List.of());
    String first = serverSpecs.isEmpty() ? null : serverSpecs.get(0).name();
    List<StanChannel> channels = new ArrayList<>();
    or(spec.channels(), List.<ChannelSpec>of()).forEach(c -> channels.addAll(channels(c)));
    List<NatsServer> servers = serverSpecs.stream()
        .map(s -> server(s, first, serverSpecs.size(), channels)).toList();
    List<NatsStream> streams = or(spec.streams(), List.<StreamSpec>of()).stream()
        .map(s -> stream(s, first)).toList();
    return new NatsSnapshot(Snapshots.TARGET, atMillis, servers, streams, channels, List.of());
  }

  private static NatsServer server(ServerSpec s, String first, int size,
      List<StanChannel> channels) {
    Reachability reachable = or(s.reachable(), Reachability.OK);
    boolean up = reachable == Reachability.OK;
    JszState jsz = or(s.jszState(), !up ? (reachable == Reachability.TIMEOUT ? JszState.TIMEOUT
        : JszState.ABSENT) : s.stan() ? JszState.ABSENT : JszState.OK);
    boolean jszOk = jsz == JszState.OK;
    Boolean enabled = s.jetstreamEnabled() != null ? s.jetstreamEnabled()
        : jszOk ? Boolean.TRUE : jsz == JszState.DISABLED ? Boolean.FALSE : null;
    String meta = s.metaLeader() != null ? emptyAsNull(s.metaLeader())
        : jszOk && Boolean.TRUE.equals(enabled) ? first : null;
    return new NatsServer(s.name(), "http://" + s.name() + ":8222", reachable,
        or(s.varzOk(), up), jsz, "id-" + s.name(), or(s.version(), "2.9.10"), enabled, meta,
        s.metaClusterSize() != null ? s.metaClusterSize() : jszOk ? size : null,
        s.routes() != null ? s.routes() : up ? size - 1 : null,
        jszOk && Boolean.TRUE.equals(enabled) || s.storageUsed() != null ? storage(s) : null,
        up && jsz != JszState.TIMEOUT || s.healthCode() != null ? health(s) : null,
        up && s.stan() ? stan(s, channels) : null);
  }

  private static NatsServer.Storage storage(ServerSpec s) {
    return new NatsServer.Storage(or(s.storageUsed(), 1L << 20), or(s.storageReserved(), 0L),
        or(s.storageMax(), -1L), 0, 0, -1);
  }

  private static NatsServer.Health health(ServerSpec s) {
    int code = or(s.healthCode(), 200);
    return new NatsServer.Health(code, code == 200 ? "ok" : "unavailable",
        code == 200 ? null : or(s.healthError(), "unhealthy"));
  }

  private static NatsServer.Stan stan(ServerSpec s, List<StanChannel> channels) {
    List<StanChannel> mine = channels.stream().filter(c -> c.server().equals(s.name())).toList();
    StanState state = or(s.stanState(), StanState.CLUSTERED);
    int subs = mine.stream().mapToInt(c -> c.subscriptions().size()).sum();
    return new NatsServer.Stan("test-cluster", state, s.stanRole(),
        or(s.stanChannels(), mine.size()), or(s.stanSubscriptions(), subs),
        mine.stream().mapToLong(StanChannel::msgs).sum(), "FILE",
        or(s.ftActive(), state == StanState.FT_ACTIVE), true);
  }

  private static NatsStream stream(StreamSpec s, String first) {
    String leader = s.leader() != null ? emptyAsNull(s.leader()) : first;
    long firstSeq = or(s.firstSeq(), 1L);
    long messages = or(s.messages(), 100L);
    long lastSeq = or(s.lastSeq(), firstSeq + messages - 1);
    StreamState state = new StreamState(messages, messages * STREAM_BYTES_PER_MESSAGE, firstSeq,
        lastSeq, 0);
    List<ReplicaSpec> replicas = or(s.replicas(), List.of());
    return new NatsStream(or(s.account(), "$G"), s.name(),
        or(s.configuredReplicas(), replicas.size() + 1), leader, leader == null ? null : state,
        replicas.stream().map(r -> replica(r, leader != null, state)).toList());
  }

  private static NatsStream.Replica replica(ReplicaSpec r, boolean led, StreamState leader) {
    StreamState own = Boolean.FALSE.equals(r.ownRead()) ? null : new StreamState(
        or(r.ownMessages(), leader.messages()),
        or(r.ownMessages(), leader.messages()) * STREAM_BYTES_PER_MESSAGE,
        or(r.ownFirstSeq(), leader.firstSeq()), or(r.ownLastSeq(), leader.lastSeq()), 0);
    if (!led || Boolean.FALSE.equals(r.listed())) {
      return new NatsStream.Replica(r.server(), null, null, null, null, own);
    }
    return new NatsStream.Replica(r.server(), or(r.current(), true), or(r.offline(), false),
        or(r.activeNanos(), 100_000_000L), or(r.lag(), 0L), own);
  }

  private static List<StanChannel> channels(ChannelSpec c) {
    long firstSeq = or(c.firstSeq(), 1L);
    long lastSeq = or(c.lastSeq(), 100L);
    long msgs = or(c.msgs(), Math.max(0, lastSeq - firstSeq + 1));
    List<StanChannel> out = new ArrayList<>();
    for (String server : c.serversOrOne()) {
      List<StanChannel.Subscription> subs = or(c.subscriptions(), List.<SubscriptionSpec>of())
          .stream().map(s -> subscription(s, lastSeq)).toList();
      out.add(new StanChannel(server, c.name(), msgs, msgs * STREAM_BYTES_PER_MESSAGE, firstSeq,
          lastSeq, or(c.subsCount(), subs.size()), subs));
    }
    return out;
  }

  private static StanChannel.Subscription subscription(SubscriptionSpec s, long lastSeq) {
    return new StanChannel.Subscription(s.clientId(), s.durableName(), s.queueName(),
        or(s.durable(), s.durableName() != null), or(s.offline(), false),
        or(s.lastSent(), lastSeq), or(s.pendingCount(), 0L), or(s.stalled(), false));
  }

  private static String emptyAsNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static <T> T or(T given, T fallback) {
    return Objects.requireNonNullElse(given, fallback);
  }
}
