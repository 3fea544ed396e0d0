package dev.lookout.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.lookout.config.YamlNode.Entry;
import dev.lookout.config.YamlNode.Mapping;
import dev.lookout.config.YamlNode.Mark;
import dev.lookout.config.YamlNode.Null;
import dev.lookout.config.YamlNode.Scalar;
import dev.lookout.config.YamlNode.Sequence;
import dev.lookout.config.YamlNode.Unsupported;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link YamlNode}s with positions, using only the streaming parser: no
 * object mapping, so no YAML tag can make it build a Java type of the file's choosing. Explicit
 * tags other than YAML's own core types are refused outright, so that a file written for a
 * loader that does honour them ({@code !!java.net.URL ...}) fails loudly here instead of being
 * read as something else.
 */
public final class YamlReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final String CORE_TAG = "tag:yaml.org,2002:";
  private static final Set<String> CORE_TYPES = Set.of("str", "int", "float", "bool", "null", "binary",
      "map", "seq"); // binary is reported as such where the value is read

  private final YAMLParser parser;
  private final Binding binding;

  private YamlReader(YAMLParser parser, Binding binding) {
    this.parser = parser;
    this.binding = binding;
  }

  /**
   * The document's root, a {@link Null} for an empty file, or empty after a syntax error (which
   * is reported to {@code binding}; nothing after it can be trusted).
   */
  public static Optional<YamlNode> read(String text, Binding binding) {
    try (YAMLParser parser = FACTORY.createParser(text)) {
      return Optional.of(new YamlReader(parser, binding).document());
    } catch (JsonProcessingException e) {
      binding.problem(syntaxMark(e), "YAML syntax error: " + syntaxMessage(e));
      return Optional.empty();
    } catch (IOException e) {
      // The text is already in memory: no real I/O can fail here.
      throw new UncheckedIOException(e);
    }
  }

  private YamlNode document() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return new Null(Mark.START);
    }
    YamlNode root = value(first);
    if (parser.nextToken() != null) {
      binding.problem(mark(), "a second YAML document starts here (keep one document per file)");
    }
    return root;
  }

  private YamlNode value(JsonToken token) throws IOException {
    Mark at = mark();
    String tag = parser.getTypeId();
    if (tag != null && !isCoreTag(tag)) {
      binding.problem(at, "YAML tag !" + tag.replace(CORE_TAG, "!") + " is not supported "
          + "(remove it: values are read as plain text)");
      skip(token);
      return new Unsupported(at);
    }
    switch (token) {
      case START_OBJECT:
        return mapping(at);
      case START_ARRAY:
        return sequence(at);
      case VALUE_NULL:
        return new Null(at);
      case VALUE_EMBEDDED_OBJECT:
        binding.problem(at, "binary values are not supported (write plain text)");
        return new Unsupported(at);
      default:
        if (parser.isCurrentAlias()) {
          binding.problem(at, "YAML aliases (*" + parser.getText() + ") are not supported "
              + "(write the value out in full)");
          return new Unsupported(at);
        }
        return new Scalar(parser.getText(), at);
    }
  }

  private static boolean isCoreTag(String tag) {
    return tag.startsWith(CORE_TAG) && CORE_TYPES.contains(tag.substring(CORE_TAG.length()));
  }

  /** Skips a refused value, its children included. */
  private void skip(JsonToken token) throws IOException {
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      parser.skipChildren();
    }
  }

  private Mapping mapping(Mark at) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Mark keyMark = mark();
      YamlNode value = value(parser.nextToken());
      Mark first = seen.putIfAbsent(key, keyMark);
      if (first != null) {
        binding.problem(keyMark, "duplicate key \"" + key + "\" (first written at line "
            + first.line() + "; keep one)");
      } else {
        entries.add(new Entry(key, keyMark, value));
      }
    }
    return new Mapping(entries, at);
  }

  private Sequence sequence(Mark at) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      items.add(value(token));
    }
    return new Sequence(items, at);
  }

  private Mark mark() {
    JsonLocation loc = parser.currentTokenLocation();
    return new Mark(loc.getLineNr(), loc.getColumnNr());
  }

  // SnakeYAML's own mark points at the offending character; Jackson's location can lag behind.
  private static Mark syntaxMark(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      var m = marked.getProblemMark();
      return new Mark(m.getLine() + 1, m.getColumn() + 1);
    }
    JsonLocation loc = e.getLocation();
    return loc == null ? Mark.START : new Mark(Math.max(1, loc.getLineNr()),
        Math.max(1, loc.getColumnNr()));
  }

  private static String syntaxMessage(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked) {
      String context = marked.getContext();
      var m = marked.getContextMark();
      if (context == null || m == null) {
        return marked.getProblem();
      }
      return marked.getProblem() + " (" + context + " at " + (m.getLine() + 1) + ":"
          + (m.getColumn() + 1) + ")";
    }
    return e.getOriginalMessage();
  }
}
