package dev.lookout.output.metrics;

import java.util.function.Function;

/** One label of a gauge family's series: its name, and its value for an entity (null: ""). */
record Label<T>(String name, Function<T, String> value) {
  static <T> Label<T> of(String name, Function<T, String> value) {
    return new Label<>(name, value);
  }

  /** A label with the same value on every series, like the registry's common tags. */
  static <T> Label<T> constant(String name, String value) {
    return new Label<>(name, t -> value);
  }
}
