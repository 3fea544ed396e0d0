package dev.lookout.output.http;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the server guards itself: the admin bearer token (none: admin endpoints answer loopback
 * clients only), the read endpoints' basic-auth users by name (none: reads are open), and TLS
 * (none: plain HTTP), with or without required client certificates.
 */
public record WebSecurity(Optional<String> adminToken, Map<String, String> users,
    Optional<SSLContext> tls, boolean clientCertificates) {
  public static final WebSecurity OPEN = new WebSecurity(Optional.empty(), Map.of(),
      Optional.empty(), false);

  public WebSecurity {
    Objects.requireNonNull(adminToken, "adminToken");
    Objects.requireNonNull(tls, "tls");
    users = Map.copyOf(users);
    if (clientCertificates && tls.isEmpty()) {
      throw new IllegalArgumentException("client certificates need TLS");
    }
  }

  @Override
  public String toString() {
    return "WebSecurity[adminToken=" + (adminToken.isPresent() ? "<secret>" : "none") + ", users="
        + users.keySet() + ", tls=" + tls.isPresent() + "]";
  }
}
