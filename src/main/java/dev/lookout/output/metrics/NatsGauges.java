package dev.lookout.output.metrics;

import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanDiff;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
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

  public NatsGauges(MeterRegistry registry) {
    this.families = new GaugeFamilies<>(registry, "nats");
    servers();
    streams();
    stan();
  }

  public void update(NatsSnapshot next) {
    families.update(next);
  }

  private <T> void family(String name, String help, Function<NatsSnapshot, List<T>> entities,
      Function<T, Tags> tags, Function<T, Number> value) {
    families.add(name, help, entities, tags, value);
  }

  private void servers() {
    server("up", "1 if the server's monitoring endpoint answered", s -> s.reachable() == NatsServer.Reachability.OK ? 1 : 0);
    server("healthz.ok", "1 if /healthz said ok", s -> s.health() != null && s.health().ok() ? 1 : 0);
    server("jetstream.ok", "1 if /jsz answered with JetStream enabled (0: disabled, wedged or absent)",
        s -> s.jszState() == NatsServer.JszState.OK ? 1 : 0);
    server("routes", "Cluster routes of the server", NatsServer::routes);
    server("meta.leader.known", "1 if the server knows a JetStream meta leader", s -> s.metaLeader() == null ? 0 : 1);
    server("storage.used.bytes", "JetStream file storage used",
        s -> s.storage() == null ? null : s.storage().storageUsed());
  }

  private void server(String suffix, String help, Function<NatsServer, Number> value) {
    family("lookout.nats.server." + suffix, help, NatsSnapshot::servers, s -> Tags.of("server", s.name()), value);
  }

  private void streams() {
    family("lookout.nats.stream.has.leader", "1 if the stream has a leader", NatsSnapshot::streams,
        NatsGauges::streamTags, s -> s.leaderless() ? 0 : 1);
    family("lookout.nats.stream.replicas", "Replicas the stream is configured with", NatsSnapshot::streams,
        NatsGauges::streamTags, NatsStream::configuredReplicas);
    family("lookout.nats.stream.messages", "Messages in the stream, as its leader holds them",
        NatsSnapshot::streams, NatsGauges::streamTags, s -> s.leaderState() == null ? null : s.leaderState().messages());
    replica("current", "1 if the leader sees the replica current", v -> bool(v.replica().current()));
    replica("offline", "1 if the leader sees the replica offline", v -> bool(v.replica().offline()));
    replica("lag", "RAFT entries the replica is behind, in the leader's view", v -> v.replica().lag());
    replica("messages", "Messages the replica itself holds (from its own /jsz)",
        v -> v.replica().own() == null ? null : v.replica().own().messages());
    replica("diverged", "1 if the replica's own state differs from the leader's while called current",
        v -> v.stream().divergedReplicas().contains(v.replica()) ? 1 : 0);
  }

  private void replica(String suffix, String help, Function<ReplicaView, Number> value) {
    family("lookout.nats.replica." + suffix, help, NatsGauges::replicaViews,
        v -> streamTags(v.stream()).and("server", v.replica().server()), value);
  }

  private static List<ReplicaView> replicaViews(NatsSnapshot s) {
    List<ReplicaView> views = new ArrayList<>();
    for (NatsStream stream : s.streams()) {
      stream.replicas().forEach(r -> views.add(new ReplicaView(stream, r)));
    }
    return views;
  }

  private static Tags streamTags(NatsStream s) {
    return Tags.of("account", s.account(), "stream", s.name());
  }

  private static Number bool(Boolean b) {
    return b == null ? null : b ? 1 : 0;
  }

  private void stan() {
    family("lookout.nats.stan.channels", "NATS Streaming channels the server holds",
        s -> s.servers().stream().filter(NatsServer::isStan).toList(), x -> Tags.of("server", x.name(),
            "role", x.stan().role() == null ? "" : x.stan().role().name(), "state", String.valueOf(x.stan().state())),
        x -> x.stan().channels());
    family("lookout.nats.stan.subscriptions", "NATS Streaming subscriptions on the server",
        s -> s.servers().stream().filter(NatsServer::isStan).toList(), x -> Tags.of("server", x.name()),
        x -> x.stan().subscriptions());
    family("lookout.nats.stan.follower.diverged",
        "1 if a STAN follower's channels differ from its leader's", NatsSnapshot::stanDiffs,
        d -> Tags.of("server", d.server(), "leader", d.leader()), d -> d.diverged() ? 1 : 0);
  }
}
