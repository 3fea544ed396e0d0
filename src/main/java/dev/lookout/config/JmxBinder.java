package dev.lookout.config;

import static dev.lookout.config.Binding.child;
import static dev.lookout.config.Binding.item;

import dev.lookout.config.YamlNode.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds one {@code type: jmx} target. The URL and object-name patterns are checked for shape
 * only; the JMX classes that parse them live in the source, which rejects what slips past.
 */
final class JmxBinder {
  static final String URL_EXAMPLE = "service:jmx:rmi:///jndi/rmi://127.0.0.1:9999/jmxrmi";
  private static final String MBEAN_EXAMPLE = "{pattern: \"java.lang:type=Memory\"}";
  private static final Pattern URL = Pattern.compile("service:jmx:[A-Za-z][A-Za-z0-9+.-]*://\\S*");
  private static final String PROPERTY = "(?:\\*|[^,=:*?\"]+=(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^,=:\"]+))";
  private static final Pattern OBJECT_NAME =
      Pattern.compile("[^:]*:" + PROPERTY + "(?:," + PROPERTY + ")*");

  private final Binding b;

  JmxBinder(Binding binding) {
    this.b = binding;
  }

  Optional<Target> bind(Mapping m, String path, Optional<String> name) {
    b.checkKeys(m, path, List.of("name", "type", "url", "mbeans", "username", "password"));
    Optional<String> url = b.required(m, path, "url").flatMap(n -> url(n, child(path, "url")));
    Optional<List<JmxTarget.MBean>> mbeans = b.required(m, path, "mbeans")
        .flatMap(n -> mbeans(n, child(path, "mbeans")));
    Optional<Credentials> credentials = credentials(m, path);
    if (name.isEmpty() || url.isEmpty() || mbeans.isEmpty() || credentials.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new JmxTarget(name.get(), url.get(), mbeans.get(), credentials.get()));
  }

  private Optional<String> url(YamlNode node, String path) {
    Optional<String> text = b.nonEmpty(node, path, URL_EXAMPLE);
    if (text.isPresent() && !URL.matcher(text.get()).matches()) {
      b.problem(node.mark(), path + ": \"" + text.get() + "\" is not a JMX service URL (write e.g. "
          + URL_EXAMPLE + ")");
      return Optional.empty();
    }
    return text;
  }

  private Optional<List<JmxTarget.MBean>> mbeans(YamlNode node, String path) {
    List<YamlNode> items = b.list(node, path, "[" + MBEAN_EXAMPLE + "]").orElse(null);
    if (items == null) {
      return Optional.empty();
    }
    if (items.isEmpty()) {
      b.problem(node.mark(), path + ": at least one mbean is needed (write e.g. ["
          + MBEAN_EXAMPLE + "])");
    }
    List<JmxTarget.MBean> mbeans = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = item(path, i);
      b.map(items.get(i), itemPath, MBEAN_EXAMPLE).flatMap(m -> mbean(m, itemPath))
          .ifPresent(mbeans::add);
    }
    return mbeans.size() == items.size() && !mbeans.isEmpty()
        ? Optional.of(mbeans) : Optional.empty();
  }

  private Optional<JmxTarget.MBean> mbean(Mapping m, String path) {
    b.checkKeys(m, path, List.of("pattern", "attributes"));
    Optional<String> pattern = b.required(m, path, "pattern")
        .flatMap(n -> pattern(n, child(path, "pattern")));
    Optional<List<String>> attributes = b.optional(m, "attributes")
        .map(n -> attributes(n, child(path, "attributes")))
        .orElse(Optional.of(List.of()));
    return pattern.flatMap(p -> attributes.map(a -> new JmxTarget.MBean(p, a)));
  }

  private Optional<String> pattern(YamlNode node, String path) {
    Optional<String> text = b.nonEmpty(node, path, "\"java.lang:type=Memory\"");
    if (text.isPresent() && !OBJECT_NAME.matcher(text.get()).matches()) {
      b.problem(node.mark(), path + ": \"" + text.get() + "\" is not an object name pattern "
          + "(write domain:key=value,... e.g. \"kafka.server:type=*,name=*\" or \"java.lang:*\")");
      return Optional.empty();
    }
    return text;
  }

  private Optional<List<String>> attributes(YamlNode node, String path) {
    List<YamlNode> items = b.list(node, path, "[HeapMemoryUsage]").orElse(null);
    if (items == null) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      b.nonEmpty(items.get(i), item(path, i), "HeapMemoryUsage").ifPresent(names::add);
    }
    return names.size() == items.size() ? Optional.of(names) : Optional.empty();
  }

  /** Username and password together, or neither. */
  private Optional<Credentials> credentials(Mapping m, String path) {
    Optional<YamlNode> user = b.optional(m, "username");
    Optional<YamlNode> password = b.optional(m, "password");
    if (user.isEmpty() && password.isEmpty()) {
      return Optional.of(Credentials.NONE);
    }
    if (user.isEmpty() || password.isEmpty()) {
      String missing = user.isEmpty() ? "username" : "password";
      b.problem(m.mark(), path + ": username and password go together (write " + missing
          + " too, or neither)");
      return Optional.empty();
    }
    Optional<String> u = b.nonEmpty(user.get(), child(path, "username"), "monitor");
    Optional<String> p = b.nonEmpty(password.get(), child(path, "password"), "${JMX_PASSWORD}");
    if (u.isPresent() && u.get().contains(":")) {
      b.problem(user.get().mark(),
          child(path, "username") + ": must not contain \":\" (write the name without it)");
      return Optional.empty();
    }
    return u.flatMap(x -> p.map(y -> new Credentials.Basic(x, y)));
  }
}
