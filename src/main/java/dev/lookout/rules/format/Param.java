package dev.lookout.rules.format;

import java.util.Objects;

/**
 * A named constant of a rule, readable in its expression as {@code params.name}. The value is a
 * Long, Double, Boolean or String, read from the YAML scalar: {@code 1000} is an int,
 * {@code 0.5} a double, {@code true}/{@code false} a bool, anything else a string.
 */
public record Param(String name, Object value, Position at) {
  public Param {
    Objects.requireNonNull(name, "name");
    if (!(value instanceof Long || value instanceof Double || value instanceof Boolean
        || value instanceof String)) {
      throw new IllegalArgumentException("param " + name + " has unsupported value " + value);
    }
  }

  static Param of(String name, String text, Position at) {
    if (text.matches("-?\\d{1,18}")) {
      return new Param(name, Long.parseLong(text), at);
    }
    if (text.matches("-?\\d+\\.\\d+([eE][-+]?\\d+)?")) {
      return new Param(name, Double.parseDouble(text), at);
    }
    if (text.equals("true") || text.equals("false")) {
      return new Param(name, Boolean.parseBoolean(text), at);
    }
    return new Param(name, text, at);
  }
}
