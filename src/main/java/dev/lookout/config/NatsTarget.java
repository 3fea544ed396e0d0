package dev.lookout.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** A NATS cluster, reached through the HTTP monitoring port of one or more of its servers. */
public record NatsTarget(String name, List<URI> servers) implements Target {
  public NatsTarget {
    Objects.requireNonNull(name, "name");
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("nats target " + name + " needs a server");
    }
  }
}
