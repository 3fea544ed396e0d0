package dev.lookout.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Restate cluster, reached through the node control ports of one or more of its nodes; each
 * address is {@code http://host:port} or {@code unix:///absolute/path}. With {@code tls}, every
 * TCP connection to the cluster's nodes (gRPC and {@code /metrics}) uses TLS, to the configured
 * nodes and to those learnt from the cluster alike; Unix sockets stay plain.
 */
public record RestateTarget(String name, List<URI> addresses, Optional<TlsFiles> tls)
    implements Target {
  public RestateTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tls, "tls");
    addresses = List.copyOf(addresses);
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("restate target " + name + " needs an address");
    }
  }

  public RestateTarget(String name, List<URI> addresses) {
    this(name, addresses, Optional.empty());
  }
}
