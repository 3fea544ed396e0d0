package dev.lookout.app;

import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanDiff;
import dev.lookout.output.http.HealthCheck;
import java.util.ArrayList;
import java.util.List;

/** The NATS part of the `/health` verdict: plain facts of the latest snapshot. */
final class NatsHealth {
  private NatsHealth() {}

  static List<HealthCheck> checks(NatsSnapshot s) {
    String t = s.target() + ":";
    List<String> down = new ArrayList<>();
    List<String> jetstream = new ArrayList<>();
    for (NatsServer server : s.servers()) {
      if (server.reachable() != NatsServer.Reachability.OK) {
        down.add(server.name() + " is " + server.reachable().name().toLowerCase(java.util.Locale.ROOT));
      } else if (server.jszState() == NatsServer.JszState.TIMEOUT || server.jszState() == NatsServer.JszState.ERROR) {
        jetstream.add(server.name() + " /jsz " + server.jszState().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    List<String> leaderless = new ArrayList<>();
    List<String> diverged = new ArrayList<>();
    for (NatsStream stream : s.streams()) {
      if (stream.leaderless()) {
        leaderless.add("stream " + stream.name() + " has no leader");
      }
      stream.divergedReplicas().forEach(r -> diverged.add("stream " + stream.name() + " on " + r.server()
          + " differs from its leader"));
    }
    for (StanDiff d : s.stanDiffs()) {
      if (d.diverged()) {
        diverged.add("STAN follower " + d.server() + " differs from leader " + d.leader());
      }
    }
    return List.of(HealthCheck.of(t + "servers-reachable", down), HealthCheck.of(t + "jetstream", jetstream),
        HealthCheck.of(t + "stream-leaders", leaderless), HealthCheck.of(t + "replicas-in-sync", diverged));
  }
}
