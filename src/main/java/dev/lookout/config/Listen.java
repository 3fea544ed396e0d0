package dev.lookout.config;

import java.util.Objects;

/**
 * The address the agent's HTTP server binds to; port 0 picks a free port. The default is loopback:
 * a fresh install exposes nothing to the network until {@code listen} says so.
 */
public record Listen(String host, int port) {
  public static final Listen DEFAULT = new Listen("127.0.0.1", 9798);

  public Listen {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("listen host must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("listen port " + port + " is not in 0..65535");
    }
  }
}
