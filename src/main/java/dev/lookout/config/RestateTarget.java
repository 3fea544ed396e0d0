package dev.lookout.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A Restate cluster, reached through the node control ports of one or more of its nodes; each
 * address is {@code http://host:port} or {@code unix:///absolute/path}.
 */
public record RestateTarget(String name, List<URI> addresses) implements Target {
  public RestateTarget {
    Objects.requireNonNull(name, "name");
    addresses = List.copyOf(addresses);
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("restate target " + name + " needs an address");
    }
  }
}
