package dev.lookout.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How a receiver proves who is calling: nothing, HTTP basic auth, or a bearer token. The secrets
 * never show in {@code toString()}, so a record printed into a log or an error stays safe.
 */
public sealed interface Credentials {
  Credentials NONE = new None();

  /** The value of the {@code Authorization} header, if any. */
  Optional<String> authorization();

  record None() implements Credentials {
    @Override
    public Optional<String> authorization() {
      return Optional.empty();
    }
  }

  record Basic(String username, String password) implements Credentials {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      // RFC 7617: the user-id ends at the first colon, so it cannot hold one.
      if (username.contains(":")) {
        throw new IllegalArgumentException("a basic auth username cannot contain \":\"");
      }
    }

    @Override
    public Optional<String> authorization() {
      byte[] pair = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
    }

    @Override
    public String toString() {
      return "Basic[username=" + username + ", password=<secret>]";
    }
  }

  record Bearer(String token) implements Credentials {
    public Bearer {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public Optional<String> authorization() {
      return Optional.of("Bearer " + token);
    }

    @Override
    public String toString() {
      return "Bearer[token=<secret>]";
    }
  }
}
