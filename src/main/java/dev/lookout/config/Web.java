package dev.lookout.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may use the agent's HTTP server and how it is reached: TLS, the bearer token that admin
 * endpoints require, and the basic-auth users that read endpoints require when any are listed.
 */
public record Web(Optional<TlsFiles> tls, Optional<String> adminToken, List<User> users) {
  public static final Web DEFAULT = new Web(Optional.empty(), Optional.empty(), List.of());

  public Web {
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(adminToken, "adminToken");
    users = List.copyOf(users);
    if (adminToken.isPresent() && adminToken.get().isEmpty()) {
      throw new IllegalArgumentException("an admin token must not be empty");
    }
  }

  /** A user of the read endpoints; the password never shows in {@code toString()}. */
  public record User(String username, String password) {
    public User {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.isEmpty() || username.contains(":") || password.isEmpty()) {
        throw new IllegalArgumentException("a user needs a name without \":\" and a password");
      }
    }

    @Override
    public String toString() {
      return "User[username=" + username + ", password=<secret>]";
    }
  }

  @Override
  public String toString() {
    return "Web[tls=" + tls.orElse(null) + ", adminToken="
        + (adminToken.isPresent() ? "<secret>" : "none") + ", users=" + users + "]";
  }
}
