package dev.lookout.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where alerts are sent: an Alertmanager base URL or a webhook endpoint, with optional
 * credentials and a deadline for each request. A query string may carry a token (some webhook
 * services work that way), so {@link #redactedUrl()} leaves it out along with any user info;
 * that form is what logs, metrics and {@code toString()} show. {@code tls} holds the CA and
 * client certificate for an {@code https://} receiver.
 */
public record Receiver(URI url, Credentials credentials, Duration timeout, Optional<TlsFiles> tls) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public Receiver {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(tls, "tls");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("receiver timeout must be > 0, got " + timeout);
    }
  }

  /** With the JDK's default CAs and no client certificate. */
  public Receiver(URI url, Credentials credentials, Duration timeout) {
    this(url, credentials, timeout, Optional.empty());
  }

  /** No credentials, the default timeout. */
  public Receiver(URI url) {
    this(url, Credentials.NONE, DEFAULT_TIMEOUT);
  }

  /** The URL without user info, query or fragment: safe to log and to use as a label value. */
  public String redactedUrl() {
    StringBuilder out = new StringBuilder().append(url.getScheme()).append("://");
    String host = url.getHost();
    out.append(host != null && host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
    if (url.getPort() >= 0) {
      out.append(':').append(url.getPort());
    }
    if (url.getRawPath() != null) {
      out.append(url.getRawPath());
    }
    return out.toString();
  }

  @Override
  public String toString() {
    String query = url.getRawQuery() == null ? "" : "?<redacted>";
    return "Receiver[url=" + redactedUrl() + query + ", credentials=" + credentials
        + ", timeout=" + timeout + tls.map(t -> ", tls=" + t).orElse("") + "]";
  }
}
