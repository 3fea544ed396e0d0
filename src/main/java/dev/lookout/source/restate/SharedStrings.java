package dev.lookout.source.restate;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per distinct text while building one table's entities: a column of 50,000 rows
 * holding a handful of values ("Leader", "active") then costs a handful of strings, not 50,000.
 */
final class SharedStrings {
  private final Map<String, String> seen = new HashMap<>();

  /** The shared instance equal to {@code s}; "" for null. */
  String orEmpty(String s) {
    return s == null ? "" : seen.computeIfAbsent(s, k -> k);
  }
}
