package dev.lookout.rules.format;

import dev.lookout.config.Binding;
import dev.lookout.config.ConfigException;
import dev.lookout.config.Durations;
import dev.lookout.config.Problem;
import dev.lookout.config.YamlNode;
import dev.lookout.config.YamlNode.Entry;
import dev.lookout.config.YamlNode.Mapping;
import dev.lookout.config.YamlNode.Scalar;
import dev.lookout.config.YamlNode.Sequence;
import dev.lookout.config.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a rule file strictly into {@link RuleGroup}s, in the manner of Prometheus' rulefmt:
 * every problem is collected with its position and what to write instead, and all of them are
 * thrown together. Nothing here knows the model's fields; the engine checks those.
 */
public final class RuleFileParser {
  private static final List<String> FILE_KEYS = List.of("groups");
  private static final List<String> GROUP_KEYS = List.of("name", "rules");
  static final List<String> RULE_KEYS = List.of("alert", "each", "expr", "for",
      "keep_firing_for", "params", "labels", "annotations");
  private static final String DURATION_EXAMPLE = "0s, 30s, 5m, 1h";

  private final String file;
  private final ScalarPositions positions;
  private final List<Problem> problems = new ArrayList<>();

  private RuleFileParser(String file, String text) {
    this.file = file;
    this.positions = new ScalarPositions(text);
  }

  /** Reads {@code path}; an unreadable file is a problem like any other. */
  public static List<RuleGroup> read(Path path) throws ConfigException {
    try {
      return parse(path.toString(), Files.readString(path));
    } catch (IOException e) {
      throw new ConfigException(List.of(new Problem(path.toString(), 0, 0,
          "cannot read rule file: " + e.getMessage())));
    }
  }

  /** Parses {@code text}, naming it {@code file} in problems. */
  public static List<RuleGroup> parse(String file, String text) throws ConfigException {
    RuleFileParser parser = new RuleFileParser(file, text);
    Binding yaml = new Binding(file, Map.of());
    Optional<YamlNode> root = YamlReader.read(text, yaml);
    parser.problems.addAll(yaml.problems());
    List<RuleGroup> groups = root.map(parser::groups).orElse(List.of());
    if (!parser.problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(parser.problems);
      sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
      throw new ConfigException(sorted);
    }
    return groups;
  }

  private List<RuleGroup> groups(YamlNode root) {
    Optional<Mapping> top = map(root, "the file", "groups: [...]");
    if (top.isEmpty()) {
      return List.of();
    }
    checkKeys(top.get(), "the file", FILE_KEYS);
    Optional<YamlNode> groups = required(top.get(), "the file", "groups");
    Optional<List<YamlNode>> items = groups.flatMap(g -> list(g, "groups", "- name: ..."));
    List<RuleGroup> out = new ArrayList<>();
    Map<String, Position> names = new HashMap<>();
    for (int i = 0; items.isPresent() && i < items.get().size(); i++) {
      group(items.get().get(i), "groups[" + i + "]", names).ifPresent(out::add);
    }
    return out;
  }

  private Optional<RuleGroup> group(YamlNode node, String path, Map<String, Position> names) {
    Optional<Mapping> m = map(node, path, "{name: restate-storage, rules: [...]}");
    if (m.isEmpty()) {
      return Optional.empty();
    }
    checkKeys(m.get(), path, GROUP_KEYS);
    Optional<String> name = required(m.get(), path, "name")
        .flatMap(n -> text(n, path + ".name", "restate-storage", true));
    name.ifPresent(n -> unique(names, n, pos(m.get().get("name").get().value()),
        "duplicate group name \"" + n + "\""));
    Optional<List<YamlNode>> rules = required(m.get(), path, "rules")
        .flatMap(r -> list(r, path + ".rules", "- alert: ..."));
    List<RuleSpec> specs = new ArrayList<>();
    Map<String, Position> alerts = new HashMap<>();
    RuleReader reader = new RuleReader(this);
    for (int i = 0; rules.isPresent() && i < rules.get().size(); i++) {
      Optional<RuleSpec> spec = reader.rule(rules.get().get(i), path + ".rules[" + i + "]");
      spec.ifPresent(s -> unique(alerts, s.alert(), s.at(), "duplicate alert name \""
          + s.alert() + "\" in group \"" + name.orElse("") + "\""));
      spec.ifPresent(specs::add);
    }
    return name.isPresent() && rules.isPresent() && specs.size() == rules.get().size()
        ? Optional.of(new RuleGroup(name.get(), pos(node), specs)) : Optional.empty();
  }

  private void unique(Map<String, Position> seen, String name, Position at, String message) {
    Position first = seen.putIfAbsent(name, at);
    if (first != null) {
      problem(at, message + " (first at line " + first.line() + "; rename one)");
    }
  }

  // Typed reads below report a problem and return empty, so that parsing carries on.

  void problem(Position at, String message) {
    problems.add(at.problem(message));
  }

  Position pos(YamlNode node) {
    return new Position(file, node.mark().line(), node.mark().column());
  }

  /** Where the scalar's first character of content is, past any quote or block indicator. */
  Expression expression(Scalar s) {
    return positions.expression(s, pos(s));
  }

  Optional<Mapping> map(YamlNode node, String path, String example) {
    if (node instanceof Mapping m) {
      return Optional.of(m);
    }
    wrongType(node, path, "a map", example);
    return Optional.empty();
  }

  Optional<List<YamlNode>> list(YamlNode node, String path, String example) {
    if (node instanceof Sequence s) {
      return Optional.of(s.items());
    }
    wrongType(node, path, "a list", example);
    return Optional.empty();
  }

  Optional<String> text(YamlNode node, String path, String example, boolean nonEmpty) {
    if (!(node instanceof Scalar s)) {
      wrongType(node, path, "a single value", example);
      return Optional.empty();
    }
    if (nonEmpty && s.text().isBlank()) {
      problem(pos(node), path + ": must not be empty (write e.g. " + example + ")");
      return Optional.empty();
    }
    return Optional.of(s.text());
  }

  Optional<Duration> duration(YamlNode node, String path) {
    Optional<String> text = text(node, path, DURATION_EXAMPLE, true);
    Optional<Duration> d = text.flatMap(Durations::parse);
    if (text.isPresent() && d.isEmpty()) {
      problem(pos(node), "bad duration \"" + text.get() + "\" for " + path
          + " (write e.g. " + DURATION_EXAMPLE + ")");
    }
    return d;
  }

  void checkKeys(Mapping map, String path, List<String> allowed) {
    for (Entry e : map.entries()) {
      if (!allowed.contains(e.key())) {
        problem(new Position(file, e.keyMark().line(), e.keyMark().column()),
            "unknown key \"" + e.key() + "\" in " + path + " (expected one of: "
            + String.join(", ", allowed) + ")");
      }
    }
  }

  Optional<YamlNode> required(Mapping map, String path, String key) {
    Optional<YamlNode> value = map.get(key).map(Entry::value);
    if (value.isEmpty()) {
      problem(pos(map), "missing required key \"" + key + "\" in " + path);
    }
    return value;
  }

  private void wrongType(YamlNode node, String path, String expected, String example) {
    if (!(node instanceof YamlNode.Unsupported)) {
      problem(pos(node), path + ": expected " + expected + ", got " + node.describe()
          + " (write e.g. " + example + ")");
    }
  }
}
