package dev.lookout.rules;

import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanChannel;
import dev.lookout.model.nats.StanDiff;
import dev.lookout.rules.format.Scope;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One NATS snapshot flattened into the rows of each NATS scope, with the joins done once: each
 * stream replica's stream and server, each STAN follower's comparison with its leader, each
 * subscription's channel. Keys identify a row across snapshots, for history functions.
 */
final class NatsFacts {
  final NatsSnapshot snapshot;
  final NatsClusterFacts cluster;
  final List<NatsStream> replicaStream = new ArrayList<>();
  final List<NatsStream.Replica> replicas = new ArrayList<>();
  final List<StanDiff> followers;
  final List<StanChannel> subChannel = new ArrayList<>();
  final List<StanChannel.Subscription> subs = new ArrayList<>();
  private final Map<String, NatsServer> servers = new HashMap<>();

  NatsFacts(NatsSnapshot snapshot) {
    this.snapshot = snapshot;
    this.cluster = NatsClusterFacts.of(snapshot);
    snapshot.servers().forEach(s -> servers.putIfAbsent(s.name(), s));
    for (NatsStream stream : snapshot.streams()) {
      for (NatsStream.Replica r : stream.replicas()) {
        replicaStream.add(stream);
        replicas.add(r);
      }
    }
    followers = snapshot.stanDiffs();
    for (StanChannel c : snapshot.channels()) {
      for (StanChannel.Subscription s : c.subscriptions()) {
        subChannel.add(c);
        subs.add(s);
      }
    }
  }

  /** The server of that name, or null when the snapshot has none. */
  NatsServer server(String name) {
    return name == null ? null : servers.get(name);
  }

  int rows(Scope scope) {
    switch (scope) {
      case SERVER: return snapshot.servers().size();
      case STREAM: return snapshot.streams().size();
      case STREAM_REPLICA: return replicas.size();
      case STAN_FOLLOWER: return followers.size();
      case STAN_SUBSCRIPTION: return subs.size();
      default: return 1;
    }
  }

  /** Loads row {@code i} of {@code scope} into {@code r}: the entity and those it belongs to. */
  void load(Row r, Scope scope, int i) {
    r.loadNats(this);
    r.index = i;
    switch (scope) {
      case SERVER -> r.server = snapshot.servers().get(i);
      case STREAM -> r.stream = snapshot.streams().get(i);
      case STREAM_REPLICA -> {
        r.stream = replicaStream.get(i);
        r.sreplica = replicas.get(i);
        r.server = server(r.sreplica.server());
      }
      case STAN_FOLLOWER -> {
        r.follower = followers.get(i);
        r.server = server(r.follower.server());
      }
      case STAN_SUBSCRIPTION -> {
        r.channel = subChannel.get(i);
        r.sub = subs.get(i);
        r.server = server(r.channel.server());
      }
      default -> { }
    }
  }

  /** What identifies row {@code i} of {@code scope}: the values of its identity labels. */
  String key(Scope scope, int i) {
    switch (scope) {
      case SERVER: return snapshot.servers().get(i).name();
      case STREAM: return streamKey(snapshot.streams().get(i));
      case STREAM_REPLICA: return streamKey(replicaStream.get(i)) + "\0" + replicas.get(i).server();
      case STAN_FOLLOWER: return followers.get(i).server();
      case STAN_SUBSCRIPTION: return subChannel.get(i).server() + "\0" + subChannel.get(i).name()
          + "\0" + subs.get(i).clientId() + "\0" + subs.get(i).durableName();
      default: return "";
    }
  }

  private static String streamKey(NatsStream s) {
    return s.account() + "\0" + s.name();
  }

  /** The identity labels of the row loaded in {@code r}, as {@link Scope#identityLabels()}. */
  static void identity(Scope scope, Row r, Map<String, String> labels) {
    switch (scope) {
      case SERVER -> labels.put("server", r.server.name());
      case STREAM -> streamLabels(r.stream, labels);
      case STREAM_REPLICA -> {
        streamLabels(r.stream, labels);
        labels.put("server", r.sreplica.server());
      }
      case STAN_FOLLOWER -> labels.put("server", r.follower.server());
      case STAN_SUBSCRIPTION -> {
        labels.put("server", r.channel.server());
        labels.put("channel", r.channel.name());
        labels.put("client", String.valueOf(r.sub.clientId()));
      }
      default -> { }
    }
  }

  private static void streamLabels(NatsStream s, Map<String, String> labels) {
    labels.put("account", s.account());
    labels.put("stream", s.name());
  }
}
