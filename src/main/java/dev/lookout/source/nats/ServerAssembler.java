package dev.lookout.source.nats;

import dev.lookout.model.SourceError;
import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsServer.JszState;
import dev.lookout.model.nats.NatsServer.Reachability;
import dev.lookout.model.nats.StanChannel;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds one server of the model from its replies; never throws on what a server sent. */
final class ServerAssembler {
  private ServerAssembler() {}

  /** The server, its /jsz (null unless read) and its STAN channels. */
  record Result(NatsServer server, JszParser.Jsz jsz, List<StanChannel> channels,
      List<SourceError> errors) {}

  static Result assemble(String label, URI url, Map<Endpoint, Reply> replies) {
    ServerRead read = new ServerRead(label, replies);
    if (read.silent()) {
      return unreached(read, url);
    }
    VarzParser.Varz varz = read.parse(Endpoint.VARZ, false, r -> VarzParser.parse(r.body()));
    if (varz != null && varz.serverName() != null && !varz.serverName().isEmpty()) {
      read.rename(varz.serverName());
    }
    JszParser.Jsz jsz = read.parse(Endpoint.JSZ, true, r -> JszParser.parse(r.body()));
    NatsServer.Health health = read.parse(Endpoint.HEALTHZ, true,
        r -> HealthzParser.parse(r.status(), r.body()), 200, 503);
    Integer routes = read.parse(Endpoint.ROUTEZ, true, r -> RoutezParser.parse(r.body()));
    StanReads.Stan stan = StanReads.read(read);
    boolean js = jsz != null && !jsz.disabled();
    NatsServer server = new NatsServer(read.name(), url.toString(),
        reachability(read, varz, jsz, health, routes, stan), varz != null, jszState(read, jsz),
        serverId(varz, jsz), varz == null ? null : varz.version(), jetstreamEnabled(varz, jsz),
        jsz != null ? jsz.metaLeader() : varz == null ? null : varz.metaLeader(),
        jsz != null ? jsz.metaClusterSize() : varz == null ? null : varz.metaClusterSize(),
        routes != null || varz == null ? routes : Integer.valueOf(varz.routes()),
        js ? jsz.storage() : null, health, stan == null ? null : stan.server());
    return new Result(server, js ? jsz : null, stan == null ? List.of() : stan.channels(),
        read.errors());
  }

  private static String serverId(VarzParser.Varz varz, JszParser.Jsz jsz) {
    if (jsz != null && jsz.serverId() != null) {
      return jsz.serverId();
    }
    return varz == null ? null : varz.serverId();
  }

  /** No endpoint gave any HTTP answer: one error for the server, not one per endpoint. */
  private static Result unreached(ServerRead read, URI url) {
    Reply.Failure failure = read.reply(Endpoint.VARZ).failure();
    boolean timedOut = failure == Reply.Failure.TIMEOUT;
    Reachability reach = timedOut ? Reachability.TIMEOUT : Reachability.UNREACHABLE;
    read.failedAll(failure.reason, failure.message);
    NatsServer server = new NatsServer(read.name(), url.toString(), reach, false,
        timedOut ? JszState.TIMEOUT : JszState.ABSENT, null, null, null, null, null, null, null,
        null, null);
    return new Result(server, null, List.of(), read.errors());
  }

  private static Reachability reachability(ServerRead read, Object... parsed) {
    for (Object p : parsed) {
      if (p != null) {
        return Reachability.OK;
      }
    }
    return read.reply(Endpoint.VARZ).failure() == Reply.Failure.TIMEOUT
        ? Reachability.TIMEOUT : Reachability.BAD_RESPONSE;
  }

  private static JszState jszState(ServerRead read, JszParser.Jsz jsz) {
    if (jsz != null) {
      return jsz.disabled() ? JszState.DISABLED : JszState.OK;
    }
    Reply r = read.reply(Endpoint.JSZ);
    if (r.failure() == Reply.Failure.TIMEOUT) {
      return JszState.TIMEOUT;
    }
    return r.notFound() ? JszState.ABSENT : JszState.ERROR;
  }

  /** /jsz decides when it answered; else /varz lists {@code jetstream.config} only when on. */
  private static Boolean jetstreamEnabled(VarzParser.Varz varz, JszParser.Jsz jsz) {
    if (jsz != null) {
      return !jsz.disabled();
    }
    return varz == null ? null : varz.jetstreamEnabled();
  }
}
