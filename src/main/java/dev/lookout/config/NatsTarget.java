package dev.lookout.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A NATS cluster, reached through the HTTP monitoring port of one or more of its servers;
 * {@code tls} holds the CA and client certificate for {@code https://} servers.
 */
public record NatsTarget(String name, List<URI> servers, Optional<TlsFiles> tls)
    implements Target {
  public NatsTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tls, "tls");
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("nats target " + name + " needs a server");
    }
  }

  public NatsTarget(String name, List<URI> servers) {
    this(name, servers, Optional.empty());
  }
}
