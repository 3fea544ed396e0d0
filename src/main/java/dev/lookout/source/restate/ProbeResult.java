package dev.lookout.source.restate;

import dev.lookout.model.Probe;
import dev.lookout.model.SourceError;
import dev.lookout.source.restate.proto.IdentResponse;
import java.net.URI;

/**
 * What one node address answered to GetIdent this tick; {@code ident} is null unless OK.
 * {@code lastKnownId} is the id the address answered with before, so that a node that stopped
 * answering is still recognised (unix socket addresses carry no host to match on).
 * {@code failure} says why the call failed, when it did (a TLS handshake, say); else null.
 */
record ProbeResult(URI address, Probe probe, IdentResponse ident, int lastKnownId,
    SourceError failure) {

  ProbeResult(URI address, Probe probe, IdentResponse ident, int lastKnownId) {
    this(address, probe, ident, lastKnownId, null);
  }

  /** The node id the address answers with, or answered with last; -1 when never known. */
  int nodeId() {
    return ident != null && ident.hasNodeId() ? ident.getNodeId().getId() : lastKnownId;
  }

  boolean canQuery() {
    return probe == Probe.OK && ident.getRolesList().contains("admin");
  }

  /** host:port, the form in which the `nodes` table and the config name the same node. */
  static String hostPort(String address) {
    URI uri = URI.create(address);
    return uri.getHost() + ":" + uri.getPort();
  }
}
