package dev.lookout.config;

import static dev.lookout.config.Binding.child;
import static dev.lookout.config.Binding.item;

import dev.lookout.config.YamlNode.Mapping;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds the {@code alerting} section: how often alerts are re-sent, and to whom. */
final class AlertingBinder {
  private static final String PATH = "alerting";

  private static final List<String> KEYS =
      List.of("url", "basic_auth", "bearer_token", "timeout", "tls");

  private final Binding b;
  private final TlsBinder tls;

  AlertingBinder(Binding binding, Path baseDir) {
    this.b = binding;
    this.tls = new TlsBinder(binding, baseDir);
  }

  Alerting bind(YamlNode node) {
    Mapping m = b.map(node, PATH, "{resend_interval: 1m}").orElse(null);
    if (m == null) {
      return Alerting.DEFAULT;
    }
    b.checkKeys(m, PATH, List.of("resend_interval", "alertmanagers", "webhooks"));
    Duration resend = b.optional(m, "resend_interval")
        .flatMap(n -> b.duration(n, child(PATH, "resend_interval")))
        .orElse(Alerting.DEFAULT.resendInterval());
    List<Receiver> alertmanagers = b.optional(m, "alertmanagers")
        .map(n -> receivers(n, child(PATH, "alertmanagers"), "http://127.0.0.1:9093"))
        .orElse(List.of());
    List<Receiver> webhooks = b.optional(m, "webhooks")
        .map(n -> receivers(n, child(PATH, "webhooks"), "http://127.0.0.1:5001/hook"))
        .orElse(List.of());
    return new Alerting(resend, alertmanagers, webhooks);
  }

  private List<Receiver> receivers(YamlNode node, String path, String example) {
    String entry = "{url: \"" + example + "\"}";
    List<YamlNode> items = b.list(node, path, "[" + entry + "]").orElse(List.of());
    List<Receiver> receivers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = item(path, i);
      b.map(items.get(i), itemPath, entry)
          .flatMap(m -> receiver(m, itemPath, example))
          .ifPresent(receivers::add);
    }
    return receivers;
  }

  private Optional<Receiver> receiver(Mapping m, String path, String example) {
    b.checkKeys(m, path, KEYS);
    Optional<URI> url = b.required(m, path, "url").flatMap(n -> url(n, child(path, "url"), example));
    Optional<Credentials> credentials = credentials(m, path);
    Optional<Duration> timeout = b.optional(m, "timeout")
        .map(n -> b.duration(n, child(path, "timeout")))
        .orElse(Optional.of(Receiver.DEFAULT_TIMEOUT));
    Optional<TlsFiles> tlsFiles = b.optional(m, "tls").flatMap(n -> tls.client(n, child(path, "tls")));
    if (url.isEmpty() || credentials.isEmpty() || timeout.isEmpty()
        || b.optional(m, "tls").isPresent() && tlsFiles.isEmpty()) {
      return Optional.empty();
    }
    if (tlsFiles.isPresent() && !url.get().getScheme().equalsIgnoreCase("https")) {
      b.problem(m.get("tls").orElseThrow().keyMark(), child(path, "tls")
          + ": is only used for an https:// url (write the url as https://...)");
      return Optional.empty();
    }
    return Optional.of(new Receiver(url.get(), credentials.get(), timeout.get(), tlsFiles));
  }

  private Optional<URI> url(YamlNode n, String path, String example) {
    return b.string(n, path, "\"" + example + "\"").flatMap(text -> {
      try {
        URI uri = Endpoints.httpUrl(text, example);
        if (uri.getRawUserInfo() != null) {
          b.problem(n.mark(), path + ": credentials in the URL are not sent "
              + "(write them as basic_auth: {username: ..., password: ...})");
          return Optional.empty();
        }
        return Optional.of(uri);
      } catch (IllegalArgumentException e) {
        b.problem(n.mark(), path + ": " + e.getMessage());
        return Optional.empty();
      }
    });
  }

  /** Basic auth or a bearer token, not both; empty after a problem. */
  private Optional<Credentials> credentials(Mapping m, String path) {
    Optional<YamlNode> basic = b.optional(m, "basic_auth");
    Optional<YamlNode> bearer = b.optional(m, "bearer_token");
    if (basic.isPresent() && bearer.isPresent()) {
      b.problem(m.get("bearer_token").orElseThrow().keyMark(), path
          + ": basic_auth and bearer_token cannot both be set (keep the one the receiver expects)");
      return Optional.empty();
    }
    if (bearer.isPresent()) {
      return b.nonEmpty(bearer.get(), child(path, "bearer_token"), "${ALERTMANAGER_TOKEN}")
          .map(Credentials.Bearer::new);
    }
    return basic.map(n -> basic(n, child(path, "basic_auth"))).orElse(Optional.of(Credentials.NONE));
  }

  private Optional<Credentials> basic(YamlNode node, String path) {
    String example = "{username: lookout, password: ${ALERTMANAGER_PASSWORD}}";
    Mapping m = b.map(node, path, example).orElse(null);
    if (m == null) {
      return Optional.empty();
    }
    b.checkKeys(m, path, List.of("username", "password"));
    Optional<String> user = b.required(m, path, "username")
        .flatMap(n -> b.nonEmpty(n, child(path, "username"), "lookout"));
    Optional<String> password = b.required(m, path, "password")
        .flatMap(n -> b.nonEmpty(n, child(path, "password"), "${ALERTMANAGER_PASSWORD}"));
    if (user.isPresent() && user.get().contains(":")) {
      b.problem(m.get("username").orElseThrow().value().mark(),
          child(path, "username") + ": must not contain \":\" (basic auth splits on it)");
      return Optional.empty();
    }
    if (user.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Credentials.Basic(user.get(), password.get()));
  }
}
