package dev.lookout.output.metrics;

import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanDiff;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A NATS cluster as `lookout_nats_*` gauges: servers, JetStream streams with the leader's view of
 * each replica and the replica's own state, and NATS Streaming roles and divergence.
 */
public final class NatsGauges {
  private record ReplicaView(NatsStream stream, NatsStream.Replica replica) {}

  private final GaugeFamilies<NatsSnapshot> families;

  public NatsGauges(MeterRegistry registry, MetricsPage page) {
    this.families = new GaugeFamilies<>(registry, page, "nats");
    servers();
    streams();
    stan();
  }

  /** Renders the series of {@code next} for /metrics; a snapshot that did not see the cluster keeps the last. */
  public void update(NatsSnapshot next) {
    families.update(next);
  }

  private void servers() {
    EntityKind<NatsSnapshot, NatsServer> servers = families.kind(NatsSnapshot::servers,
        List.of(Label.of("server", NatsServer::name)));
    server(servers, "up", "1 if the server's monitoring endpoint answered",
        s -> s.reachable() == NatsServer.Reachability.OK ? 1 : 0);
    server(servers, "healthz.ok", "1 if /healthz said ok", s -> s.health() != null && s.health().ok() ? 1 : 0);
    server(servers, "jetstream.ok", "1 if /jsz answered with JetStream enabled (0: disabled, wedged or absent)",
        s -> s.jszState() == NatsServer.JszState.OK ? 1 : 0);
    server(servers, "routes", "Cluster routes of the server", NatsServer::routes);
    server(servers, "meta.leader.known", "1 if the server knows a JetStream meta leader",
        s -> s.metaLeader() == null ? 0 : 1);
    server(servers, "storage.used.bytes", "JetStream file storage used",
        s -> s.storage() == null ? null : s.storage().storageUsed());
  }

  private void server(EntityKind<NatsSnapshot, NatsServer> servers, String suffix, String help,
      Function<NatsServer, Number> value) {
    families.add("lookout.nats.server." + suffix, help, servers, value);
  }

  private void streams() {
    EntityKind<NatsSnapshot, NatsStream> streams = families.kind(NatsSnapshot::streams, streamLabels(s -> s));
    families.add("lookout.nats.stream.has.leader", "1 if the stream has a leader", streams,
        s -> s.leaderless() ? 0 : 1);
    families.add("lookout.nats.stream.replicas", "Replicas the stream is configured with", streams,
        NatsStream::configuredReplicas);
    families.add("lookout.nats.stream.messages", "Messages in the stream, as its leader holds them", streams,
        s -> s.leaderState() == null ? null : s.leaderState().messages());
    List<Label<ReplicaView>> labels = new ArrayList<>(streamLabels(ReplicaView::stream));
    labels.add(Label.of("server", v -> v.replica().server()));
    EntityKind<NatsSnapshot, ReplicaView> replicas = families.kind(NatsGauges::replicaViews, labels);
    replica(replicas, "current", "1 if the leader sees the replica current", v -> bool(v.replica().current()));
    replica(replicas, "offline", "1 if the leader sees the replica offline", v -> bool(v.replica().offline()));
    replica(replicas, "lag", "RAFT entries the replica is behind, in the leader's view", v -> v.replica().lag());
    replica(replicas, "messages", "Messages the replica itself holds (from its own /jsz)",
        v -> v.replica().own() == null ? null : v.replica().own().messages());
    replica(replicas, "diverged", "1 if the replica's own state differs from the leader's while called current",
        v -> v.stream().divergedReplicas().contains(v.replica()) ? 1 : 0);
  }

  private void replica(EntityKind<NatsSnapshot, ReplicaView> replicas, String suffix, String help,
      Function<ReplicaView, Number> value) {
    families.add("lookout.nats.replica." + suffix, help, replicas, value);
  }

  private static List<ReplicaView> replicaViews(NatsSnapshot s) {
    List<ReplicaView> views = new ArrayList<>();
    for (NatsStream stream : s.streams()) {
      stream.replicas().forEach(r -> views.add(new ReplicaView(stream, r)));
    }
    return views;
  }

  private static <T> List<Label<T>> streamLabels(Function<T, NatsStream> stream) {
    return List.of(Label.of("account", t -> stream.apply(t).account()),
        Label.of("stream", t -> stream.apply(t).name()));
  }

  private static Number bool(Boolean b) {
    return b == null ? null : b ? 1 : 0;
  }

  private void stan() {
    Function<NatsSnapshot, List<NatsServer>> stanServers =
        s -> s.servers().stream().filter(NatsServer::isStan).toList();
    families.add("lookout.nats.stan.channels", "NATS Streaming channels the server holds",
        families.kind(stanServers, List.of(Label.of("server", NatsServer::name),
            Label.of("role", x -> x.stan().role() == null ? "" : x.stan().role().name()),
            Label.of("state", x -> String.valueOf(x.stan().state())))),
        x -> x.stan().channels());
    families.add("lookout.nats.stan.subscriptions", "NATS Streaming subscriptions on the server",
        families.kind(stanServers, List.of(Label.of("server", NatsServer::name))),
        x -> x.stan().subscriptions());
    families.add("lookout.nats.stan.follower.diverged",
        "1 if a STAN follower's channels differ from its leader's", families.kind(NatsSnapshot::stanDiffs,
            List.of(Label.of("server", StanDiff::server), Label.of("leader", StanDiff::leader))),
        d -> d.diverged() ? 1 : 0);
  }
}
