package dev.lookout.config;

import static dev.lookout.config.Binding.child;
import static dev.lookout.config.Binding.item;

import dev.lookout.config.YamlNode.Mapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds the {@code web} section: TLS, the admin token and the users of the read endpoints. */
final class WebBinder {
  private static final String PATH = "web";
  private static final String ADMIN_EXAMPLE = "{token_file: secrets/admin-token}";
  private static final String USER_EXAMPLE = "{username: prometheus, password_file: "
      + "secrets/prometheus-password}";

  private final Binding b;
  private final Path baseDir;
  private final FileBinder files;

  WebBinder(Binding binding, Path baseDir) {
    this.b = binding;
    this.baseDir = baseDir;
    this.files = new FileBinder(binding, baseDir);
  }

  Web bind(YamlNode node) {
    Mapping m = b.map(node, PATH, "{admin: " + ADMIN_EXAMPLE + "}").orElse(null);
    if (m == null) {
      return Web.DEFAULT;
    }
    b.checkKeys(m, PATH, List.of("tls", "admin", "basic_auth"));
    Optional<TlsFiles> tls = b.optional(m, "tls")
        .flatMap(n -> new TlsBinder(b, baseDir).server(n, child(PATH, "tls")));
    Optional<String> token = b.optional(m, "admin").flatMap(this::adminToken);
    List<Web.User> users = b.optional(m, "basic_auth").map(this::users).orElse(List.of());
    return new Web(tls, token, users);
  }

  private Optional<String> adminToken(YamlNode node) {
    String path = child(PATH, "admin");
    return b.map(node, path, ADMIN_EXAMPLE).flatMap(m -> {
      b.checkKeys(m, path, List.of("token", "token_file"));
      return files.secret(m, path, "token", "${LOOKOUT_ADMIN_TOKEN}");
    });
  }

  private List<Web.User> users(YamlNode node) {
    String path = child(PATH, "basic_auth");
    List<YamlNode> items = b.list(node, path, "[" + USER_EXAMPLE + "]").orElse(List.of());
    List<Web.User> users = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = item(path, i);
      YamlNode entry = items.get(i);
      b.map(entry, itemPath, USER_EXAMPLE).flatMap(m -> user(m, itemPath))
          .filter(u -> unique(u, names, entry, itemPath)).ifPresent(users::add);
    }
    return users;
  }

  private Optional<Web.User> user(Mapping m, String path) {
    b.checkKeys(m, path, List.of("username", "password", "password_file"));
    Optional<String> name = b.required(m, path, "username")
        .flatMap(n -> b.nonEmpty(n, child(path, "username"), "prometheus"));
    if (name.isPresent() && name.get().contains(":")) {
      b.problem(m.get("username").orElseThrow().value().mark(), child(path, "username")
          + ": must not contain \":\" (basic auth splits on it)");
      return Optional.empty();
    }
    Optional<String> password = files.secret(m, path, "password", "${PROMETHEUS_PASSWORD}");
    return name.flatMap(n -> password.map(p -> new Web.User(n, p)));
  }

  private boolean unique(Web.User user, Set<String> names, YamlNode node, String path) {
    if (!names.add(user.username())) {
      b.problem(node.mark(), path + ": user \"" + user.username() + "\" is listed twice");
      return false;
    }
    return true;
  }
}
