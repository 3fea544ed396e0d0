package dev.lookout.source.nats;

import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.StanChannel;
import java.util.List;

/**
 * The NATS Streaming endpoints of one server. A 404 on /streaming/serverz means the server runs
 * no Streaming: that is not an error, and its other /streaming answers are then ignored.
 */
final class StanReads {
  private StanReads() {}

  record Stan(NatsServer.Stan server, List<StanChannel> channels) {}

  /** Null when the server runs no Streaming or its serverz could not be read. */
  static Stan read(ServerRead read) {
    ServerzParser.Serverz serverz = read.parse(Endpoint.SERVERZ, true,
        r -> ServerzParser.parse(r.body()));
    if (serverz == null) {
      return null;
    }
    List<StanChannel> channels = read.parse(Endpoint.CHANNELSZ, false,
        r -> ChannelszParser.parse(read.name(), r.body()));
    String storeType = read.parse(Endpoint.STOREZ, false, r -> StorezParser.parse(r.body()));
    Boolean ftActive = read.parse(Endpoint.FT_ACTIVE, false, r -> r.status() == 200, 200, 204);
    NatsServer.Stan stan = new NatsServer.Stan(serverz.clusterId(), serverz.state(),
        serverz.role(), serverz.channels(), serverz.subscriptions(), serverz.totalMsgs(),
        storeType, ftActive, channels != null);
    return new Stan(stan, channels == null ? List.of() : channels);
  }
}
