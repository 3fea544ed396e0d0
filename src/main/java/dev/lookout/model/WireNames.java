package dev.lookout.model;

import java.util.function.Function;

/** Reads Restate's words for an enum's values; anything unrecognised maps to the fallback. */
final class WireNames {
  private WireNames() {}

  static <E extends Enum<E>> E parse(E[] values, Function<E, String> wireName, String text, E fallback) {
    for (E value : values) {
      if (wireName.apply(value).equals(text)) {
        return value;
      }
    }
    return fallback;
  }
}
