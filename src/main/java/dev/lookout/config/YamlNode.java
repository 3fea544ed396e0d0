package dev.lookout.config;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value that remembers where it was written, so that every complaint about the config
 * can point at a line and column. Jackson's own tree drops positions, hence this small copy.
 */
public sealed interface YamlNode {
  Mark mark();

  /** How the node reads in a message: "a map", "a list", "nothing", or the quoted text. */
  String describe();

  /** A 1-based position in the file. */
  record Mark(int line, int column) {
    public static final Mark START = new Mark(1, 1);
  }

  /** Any scalar: strings, numbers and booleans alike, as written, since binding decides types. */
  record Scalar(String text, Mark mark) implements YamlNode {
    @Override
    public String describe() {
      return "\"" + text + "\"";
    }
  }

  /** An empty value ({@code key:}) or an explicit {@code null} / {@code ~}. */
  record Null(Mark mark) implements YamlNode {
    @Override
    public String describe() {
      return "nothing";
    }
  }

  /** A value the reader already complained about (an alias, binary data); binding skips it. */
  record Unsupported(Mark mark) implements YamlNode {
    @Override
    public String describe() {
      return "an unsupported value";
    }
  }

  record Entry(String key, Mark keyMark, YamlNode value) {}

  /** Keys in file order; duplicates were reported while reading and only the first is kept. */
  record Mapping(List<Entry> entries, Mark mark) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public Optional<Entry> get(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  record Sequence(List<YamlNode> items, Mark mark) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
