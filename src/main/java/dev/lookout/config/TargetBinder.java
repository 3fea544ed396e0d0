package dev.lookout.config;

import static dev.lookout.config.Binding.child;
import static dev.lookout.config.Binding.item;

import dev.lookout.config.YamlNode.Mapping;
import dev.lookout.config.YamlNode.Mark;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Binds the {@code targets} list: one entry per watched system, told apart by {@code type}. */
final class TargetBinder {
  private static final String PATH = "targets";
  private static final String EXAMPLE =
      "{name: restate, type: restate, addresses: [\"" + Endpoints.RESTATE_EXAMPLE + "\"]}";
  private static final String NATS_EXAMPLE = "http://127.0.0.1:8222";

  private final Binding b;
  private final TlsBinder tls;
  private final Map<String, Mark> names = new HashMap<>();
  /** The first restate and nats target: their model is served under the one `cluster` label. */
  private final Map<String, Mark> clusters = new HashMap<>();

  TargetBinder(Binding binding, Path baseDir) {
    this.b = binding;
    this.tls = new TlsBinder(binding, baseDir);
  }

  List<Target> bind(YamlNode node) {
    List<Target> targets = new ArrayList<>();
    List<YamlNode> items = b.list(node, PATH, "[" + EXAMPLE + "]").orElse(null);
    if (items == null) {
      return targets;
    }
    if (items.isEmpty()) {
      b.problem(node.mark(), "targets: at least one target is needed (write e.g. - " + EXAMPLE
          + ")");
    }
    for (int i = 0; i < items.size(); i++) {
      String path = item(PATH, i);
      b.map(items.get(i), path, EXAMPLE).flatMap(m -> target(m, path)).ifPresent(targets::add);
    }
    return targets;
  }

  private Optional<Target> target(Mapping m, String path) {
    Optional<String> name = b.required(m, path, "name")
        .flatMap(n -> b.nonEmpty(n, child(path, "name"), "restate"));
    name.ifPresent(n -> requireUnique(n, m.get("name").orElseThrow().value().mark(), path));
    Optional<String> type = b.required(m, path, "type")
        .flatMap(n -> b.string(n, child(path, "type"), "restate"));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    switch (type.get()) {
      case "restate":
        requireOneCluster("restate", m, path);
        return restate(m, path, name);
      case "nats":
        requireOneCluster("nats", m, path);
        return nats(m, path, name);
      case "jmx":
        return new JmxBinder(b).bind(m, path, name);
      default:
        // Without a known type the other keys cannot be checked; the type is the fix to make.
        b.problem(m.get("type").orElseThrow().value().mark(), child(path, "type")
            + ": unknown target type \"" + type.get() + "\" (expected one of: restate, nats, jmx)");
        return Optional.empty();
    }
  }

  private Optional<Target> restate(Mapping m, String path, Optional<String> name) {
    b.checkKeys(m, path, List.of("name", "type", "addresses", "tls"));
    Optional<List<URI>> addresses = uris(m, path, "addresses", Endpoints.RESTATE_EXAMPLE,
        Endpoints::restateAddress);
    Optional<Optional<TlsFiles>> tlsFiles = tls(m, path, addresses.orElse(List.of()));
    return name.flatMap(n -> addresses.flatMap(a -> tlsFiles.map(t -> new RestateTarget(n, a, t))));
  }

  private Optional<Target> nats(Mapping m, String path, Optional<String> name) {
    b.checkKeys(m, path, List.of("name", "type", "servers", "tls"));
    Optional<List<URI>> servers = uris(m, path, "servers", NATS_EXAMPLE,
        text -> Endpoints.httpUrl(text, NATS_EXAMPLE));
    Optional<Optional<TlsFiles>> tlsFiles = tls(m, path, servers.orElse(List.of()));
    return name.flatMap(n -> servers.flatMap(s -> tlsFiles.map(t -> new NatsTarget(n, s, t))));
  }

  /**
   * The target's TLS files: from its {@code tls} block, or the JDK's defaults when an address is
   * written {@code https://} without one. Empty after a problem; a target is either TLS or
   * plain throughout (Unix sockets aside), so an {@code http://} address beside TLS is a problem.
   */
  private Optional<Optional<TlsFiles>> tls(Mapping m, String path, List<URI> addresses) {
    Optional<YamlNode> node = b.optional(m, "tls");
    Optional<TlsFiles> files = node.flatMap(n -> tls.client(n, child(path, "tls")));
    if (node.isPresent() && files.isEmpty()) {
      return Optional.empty();
    }
    boolean https = addresses.stream().anyMatch(u -> u.getScheme().equalsIgnoreCase("https"));
    boolean http = addresses.stream().anyMatch(u -> u.getScheme().equalsIgnoreCase("http"));
    if ((https || files.isPresent()) && http) {
      Mark at = node.map(YamlNode::mark).orElse(m.mark());
      b.problem(at, path + ": TLS is used for every address of a target; write each http:// "
          + "address as https://");
      return Optional.empty();
    }
    return Optional.of(files.isPresent() || !https ? files : Optional.of(TlsFiles.DEFAULTS));
  }

  /** A second cluster of a kind would share the first one's series, labelled alike: refused. */
  private void requireOneCluster(String kind, Mapping m, String path) {
    Mark at = m.get("type").orElseThrow().value().mark();
    Mark first = clusters.putIfAbsent(kind, at);
    if (first != null) {
      b.problem(at, child(path, "type") + ": a second " + kind + " target (the first is at line "
          + first.line() + "); one agent watches one " + kind + " cluster, named by `cluster`:"
          + " run one agent per cluster");
    }
  }

  private void requireUnique(String name, Mark at, String path) {
    Mark first = names.putIfAbsent(name, at);
    if (first != null) {
      b.problem(at, child(path, "name") + ": duplicate target name \"" + name
          + "\" (first used at line " + first.line() + "; names must be unique)");
    }
  }

  /** The non-empty list under {@code key}, each item checked by {@code parse}. */
  private Optional<List<URI>> uris(Mapping m, String path, String key, String example,
      Function<String, URI> parse) {
    String listPath = child(path, key);
    List<YamlNode> items = b.required(m, path, key)
        .flatMap(n -> b.list(n, listPath, "[\"" + example + "\"]"))
        .orElse(null);
    if (items == null) {
      return Optional.empty();
    }
    if (items.isEmpty()) {
      b.problem(m.get(key).orElseThrow().value().mark(), listPath
          + ": at least one address is needed (write e.g. [\"" + example + "\"])");
    }
    List<URI> uris = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      uri(items.get(i), item(listPath, i), example, parse).ifPresent(uris::add);
    }
    return uris.size() == items.size() && !uris.isEmpty() ? Optional.of(uris) : Optional.empty();
  }

  private Optional<URI> uri(YamlNode node, String path, String example,
      Function<String, URI> parse) {
    return b.string(node, path, "\"" + example + "\"").flatMap(text -> {
      try {
        return Optional.of(parse.apply(text));
      } catch (IllegalArgumentException e) {
        b.problem(node.mark(), path + ": " + e.getMessage());
        return Optional.empty();
      }
    });
  }
}
