package dev.lookout.rules.testing;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lookout.config.Binding;
import dev.lookout.config.ConfigException;
import dev.lookout.config.Problem;
import dev.lookout.config.YamlNode;
import dev.lookout.config.YamlNode.Entry;
import dev.lookout.config.YamlNode.Mapping;
import dev.lookout.config.YamlNode.Mark;
import dev.lookout.config.YamlNode.Sequence;
import dev.lookout.config.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a rule test file into {@link TestFile}. The config reader goes first: it finds syntax
 * errors and YAML aliases (Jackson would silently read an alias as its anchor's name) and keeps
 * the positions of keys and values. Then Jackson maps the text, strictly: an unknown key or a
 * value of the wrong type stops it, at the first such problem, which names its line and column.
 */
final class TestFileReader {
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
      .registerModule(Scalars.module())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      // A null inside a list or map is a typo (a dash or key with nothing after it).
      .setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));

  private TestFileReader() {}

  static TestFile read(Path file) throws ConfigException {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(List.of(new Problem(name, 0, 0, "cannot read the file: " + e)));
    }
    Binding syntax = new Binding(name, Map.of());
    Optional<YamlNode> tree = YamlReader.read(text, syntax);
    if (tree.isEmpty() || !syntax.problems().isEmpty()) {
      throw new ConfigException(syntax.problems());
    }
    try {
      TestFile parsed = MAPPER.readValue(text, TestFile.class);
      if (parsed == null) {
        throw new ConfigException(List.of(new Problem(name, 0, 0, "the file is empty")));
      }
      return parsed;
    } catch (JsonMappingException e) {
      Mark at = locate(tree.get(), e);
      throw new ConfigException(List.of(new Problem(name, at.line(), at.column(), message(e))));
    } catch (IOException e) {
      throw new ConfigException(List.of(new Problem(name, 0, 0, e.getMessage())));
    }
  }

  /**
   * Where the problem was written: the offending key or value, found by following Jackson's
   * path through the positioned tree, since Jackson's own location is often the end of the line.
   */
  private static Mark locate(YamlNode root, JsonMappingException e) {
    YamlNode node = root;
    Mark mark = null;
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null && node instanceof Mapping m
          && m.get(r.getFieldName()).isPresent()) {
        Entry entry = m.get(r.getFieldName()).get();
        node = entry.value();
        mark = e instanceof UnrecognizedPropertyException ? entry.keyMark() : node.mark();
      } else if (r.getIndex() >= 0 && node instanceof Sequence s
          && r.getIndex() < s.items().size()) {
        node = s.items().get(r.getIndex());
        mark = node.mark();
      } else {
        break;
      }
    }
    if (mark != null) {
      return mark;
    }
    JsonLocation at = e.getLocation();
    return at == null ? new Mark(0, 0)
        : new Mark(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }

  private static String message(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return unknownKey(u);
    }
    String path = path(e.getPath());
    String prefix = path.isEmpty() ? "" : path + ": ";
    if (e instanceof Scalars.BadValue) {
      return prefix + e.getOriginalMessage();
    }
    if (e instanceof InvalidNullException) {
      return prefix + "an empty entry (write a value or remove the line)";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return prefix + "expected " + expected(m.getTargetType());
    }
    return prefix + e.getOriginalMessage().lines().findFirst().orElse("");
  }

  private static String unknownKey(UnrecognizedPropertyException u) {
    String key = u.getPropertyName();
    if (key.equals("<<")) {
      return "YAML merge keys (<<) are not supported (write the keys out in full)";
    }
    List<JsonMappingException.Reference> refs = u.getPath();
    String in = path(refs.subList(0, Math.max(0, refs.size() - 1)));
    Collection<Object> known = u.getKnownPropertyIds();
    String expected = known == null ? "" : known.stream().map(Object::toString).sorted()
        .collect(Collectors.joining(", ", " (expected one of: ", ")"));
    return "unknown key \"" + key + "\"" + (in.isEmpty() ? "" : " in " + in) + expected;
  }

  /** As a user would look the spot up: {@code tests[0].snapshots[1].nodes[2]}. */
  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String expected(Class<?> type) {
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a map";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == NullableNumber.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return type == Duration.class ? "a duration such as 10s or 1h30m" : "a single value";
  }
}
