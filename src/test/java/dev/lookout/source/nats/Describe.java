package dev.lookout.source.nats;

import dev.lookout.model.SourceError;
import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanDiff;
import dev.lookout.model.nats.StreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A snapshot as short lines, so a table test can state every value it expects. */
final class Describe {
  private Describe() {}

  static List<String> lines(NatsSnapshot s) {
    List<String> out = new ArrayList<>();
    s.servers().forEach(v -> out.add(server(v)));
    s.streams().forEach(v -> out.add(stream(v)));
    s.servers().stream().filter(NatsServer::isStan).forEach(v -> out.add(channels(s, v.name())));
    s.stanDiffs().forEach(d -> out.add(diff(d)));
    s.errors().stream().filter(e -> !e.message().equals("HTTP 404: not recorded"))
        .forEach(e -> out.add("error " + e.what() + " " + e.reason() + " " + e.message()));
    return out;
  }

  static String server(NatsServer v) {
    StringBuilder b = new StringBuilder("server " + v.name() + " " + v.reachable()
        + " varz=" + v.varzOk() + " jsz=" + v.jszState());
    if (v.jetstreamEnabled() != null) {
      b.append(" js=").append(v.jetstreamEnabled());
    }
    if (v.metaLeader() != null || v.metaClusterSize() != null) {
      b.append(" meta=").append(v.metaLeader()).append('/').append(v.metaClusterSize());
    }
    if (v.routes() != null) {
      b.append(" routes=").append(v.routes());
    }
    if (v.storage() != null) {
      b.append(" storage=").append(Long.toUnsignedString(v.storage().storageUsed()));
    }
    if (v.health() != null) {
      b.append(" health=").append(v.health().httpCode()).append(' ').append(v.health().status());
    }
    if (v.isStan()) {
      NatsServer.Stan t = v.stan();
      b.append(" stan=").append(t.state()).append('/').append(t.role()).append(" ch=")
          .append(t.channels()).append(" subs=").append(t.subscriptions()).append(" ft=")
          .append(t.ftActive()).append(" store=").append(t.storeType());
    }
    return b.toString();
  }

  static String stream(NatsStream s) {
    String replicas = s.replicas().stream().map(r -> r.server() + "[" + view(r) + " own="
        + state(r.own()) + "]").collect(Collectors.joining(" "));
    return "stream " + s.account() + "/" + s.name() + " R" + s.configuredReplicas() + " leader="
        + s.leader() + " " + state(s.leaderState()) + " " + replicas + " diverged="
        + s.divergedReplicas().stream().map(NatsStream.Replica::server).toList();
  }

  private static String view(NatsStream.Replica r) {
    if (r.current() == null) {
      return "unseen";
    }
    return (r.current() ? "current" : "behind") + (r.offline() ? ",offline" : "")
        + (r.lag() != 0 ? ",lag=" + r.lag() : "");
  }

  static String state(StreamState s) {
    return s == null ? "-" : s.messages() + "@" + s.firstSeq() + ".." + s.lastSeq();
  }

  static String channels(NatsSnapshot s, String server) {
    return "channels " + server + " " + s.channelsOf(server).values().stream()
        .map(c -> c.name() + "=" + c.msgs() + "@" + c.firstSeq() + ".." + c.lastSeq() + "/s"
            + c.subsCount())
        .collect(Collectors.joining(" "));
  }

  static String diff(StanDiff d) {
    return "stan-diff " + d.server() + " vs " + d.leader() + " missing=" + d.missing() + " extra="
        + d.extra() + " differing=" + d.differing() + " subs=" + d.subscriptions() + "/"
        + d.leaderSubscriptions() + " diverged=" + d.diverged();
  }

  static String error(SourceError e) {
    return e.what() + " " + e.reason() + " " + e.message();
  }
}
