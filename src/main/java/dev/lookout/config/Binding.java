package dev.lookout.config;

import dev.lookout.config.YamlNode.Entry;
import dev.lookout.config.YamlNode.Mapping;
import dev.lookout.config.YamlNode.Mark;
import dev.lookout.config.YamlNode.Scalar;
import dev.lookout.config.YamlNode.Sequence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared state of turning one file's {@link YamlNode}s into records: the problems found so
 * far and the typed reads that report a problem instead of stopping. Every read returns empty
 * after reporting, so a binder can carry on and find the next problem too.
 *
 * <p>Paths in messages are written as the user would look them up: {@code scrape.interval},
 * {@code targets[0].addresses[1]}; the top level has the empty path.
 */
public final class Binding {
  private final String file;
  private final EnvExpander env;
  private final List<Problem> problems = new ArrayList<>();

  public Binding(String file, Map<String, String> env) {
    this.file = file;
    this.env = new EnvExpander(env);
  }

  void problem(Mark at, String message) {
    problems.add(new Problem(file, at.line(), at.column(), message));
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** In file order, so the output reads top to bottom whatever order the checks ran in. */
  public List<Problem> problems() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return sorted;
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

  /** A scalar's text with {@code ${NAME}} references replaced from the environment. */
  Optional<String> string(YamlNode node, String path, String example) {
    if (!(node instanceof Scalar s)) {
      wrongType(node, path, "a single value", example);
      return Optional.empty();
    }
    try {
      return Optional.of(env.expand(s.text()));
    } catch (IllegalArgumentException e) {
      problem(s.mark(), path + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Like {@link #string}, but an empty text is a problem too. */
  Optional<String> nonEmpty(YamlNode node, String path, String example) {
    Optional<String> text = string(node, path, example);
    if (text.isPresent() && text.get().isBlank()) {
      problem(node.mark(), path + ": must not be empty (write e.g. " + example + ")");
      return Optional.empty();
    }
    return text;
  }

  Optional<Duration> duration(YamlNode node, String path) {
    String example = "500ms, 10s, 1m, 1h";
    Optional<String> text = string(node, path, example);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> d = Durations.parse(text.get());
    if (d.isEmpty()) {
      problem(node.mark(), "bad duration \"" + text.get() + "\" for " + path
          + " (write e.g. " + example + ")");
    } else if (d.get().isZero()) {
      problem(node.mark(), path + ": must be longer than 0 (write e.g. " + example + ")");
      return Optional.empty();
    }
    return d;
  }

  /** Reports keys of {@code map} that are not in {@code allowed}, which is in file order. */
  void checkKeys(Mapping map, String path, List<String> allowed) {
    String where = path.isEmpty() ? "" : " in " + path;
    for (Entry e : map.entries()) {
      if (!allowed.contains(e.key())) {
        problem(e.keyMark(), "unknown key \"" + e.key() + "\"" + where
            + " (expected one of: " + String.join(", ", allowed) + ")");
      }
    }
  }

  Optional<YamlNode> optional(Mapping map, String key) {
    return map.get(key).map(Entry::value);
  }

  Optional<YamlNode> required(Mapping map, String path, String key) {
    Optional<YamlNode> value = optional(map, key);
    if (value.isEmpty()) {
      // A missing top-level key is a fault of the whole file, not of its first line.
      Mark at = path.isEmpty() ? Mark.START : map.mark();
      problem(at, "missing required key \"" + key + "\"" + (path.isEmpty() ? "" : " in " + path));
    }
    return value;
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String item(String path, int index) {
    return path + "[" + index + "]";
  }

  private void wrongType(YamlNode node, String path, String expected, String example) {
    if (node instanceof YamlNode.Unsupported) {
      return; // already reported where it was read
    }
    problem(node.mark(), (path.isEmpty() ? "the file" : path) + ": expected " + expected
        + ", got " + node.describe() + " (write e.g. " + example + ")");
  }
}
