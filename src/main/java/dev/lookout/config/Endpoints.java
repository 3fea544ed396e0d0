package dev.lookout.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks the addresses written in the config. Each method returns the parsed URI or throws an
 * {@link IllegalArgumentException} whose message quotes the value and says what to write.
 */
final class Endpoints {
  static final String RESTATE_EXAMPLE = "http://127.0.0.1:5122";
  private static final String SOCKET_EXAMPLE = "unix:///var/lib/restate/node-1/fabric.sock";

  private Endpoints() {}

  /**
   * A Restate node's control port: {@code http://host:port}, {@code https://host:port} (through
   * a TLS proxy in front of the node) or {@code unix:///abs/path}.
   */
  static URI restateAddress(String text) {
    URI uri = uriOrNull(text);
    if (uri != null && ("http".equalsIgnoreCase(uri.getScheme())
        || "https".equalsIgnoreCase(uri.getScheme()))) {
      requireHostAndPort(text, uri);
      return uri;
    }
    if (uri != null && "unix".equalsIgnoreCase(uri.getScheme())) {
      return socket(text, uri);
    }
    throw new IllegalArgumentException(
        "\"" + text + "\" is not an http://, https:// or unix:/// address");
  }

  /** An HTTP(S) endpoint such as an Alertmanager, a webhook or a NATS monitoring port. */
  static URI httpUrl(String text, String example) {
    URI uri = uriOrNull(text);
    boolean http = uri != null && uri.getScheme() != null
        && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"));
    if (!http || uri.getHost() == null) {
      throw new IllegalArgumentException("\"" + text + "\" is not an http:// or https:// URL "
          + "(write e.g. " + example + ")");
    }
    return uri;
  }

  private static void requireHostAndPort(String text, URI uri) {
    boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty()
        || uri.getRawPath().equals("/");
    if (uri.getHost() == null || uri.getPort() < 0 || !bare || uri.getRawQuery() != null) {
      throw new IllegalArgumentException("\"" + text + "\" must be just http(s)://host:port "
          + "(write e.g. " + RESTATE_EXAMPLE + ")");
    }
  }

  // "unix:///abs" parses with no authority; "unix://host/abs" and "unix:rel" are rejected
  // because the socket must be named by an absolute path on this machine.
  private static URI socket(String text, URI uri) {
    String path = uri.getPath();
    if (!text.startsWith("unix:///") || uri.getRawAuthority() != null || path == null
        || path.length() < 2) {
      throw new IllegalArgumentException("\"" + text + "\" is not a unix socket address "
          + "(write an absolute path, e.g. " + SOCKET_EXAMPLE + ")");
    }
    return uri;
  }

  private static URI uriOrNull(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
