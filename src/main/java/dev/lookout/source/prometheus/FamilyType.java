package dev.lookout.source.prometheus;

import java.util.List;
import java.util.Locale;

/**
 * The metric types of the 0.0.4 text format, each with the sample names it admits. A sample
 * whose name its family's type does not admit means the page is inconsistent there.
 */
enum FamilyType {
  // "" stands for the bare family name. Counters admit _total and _created as well because
  // OpenMetrics-minded exporters declare the family without the _total suffix.
  COUNTER("", "_total", "_created"),
  GAUGE(""),
  SUMMARY("", "_sum", "_count", "_created"),
  HISTOGRAM("_bucket", "_sum", "_count", "_created"),
  // A family known only from # HELP, or declared untyped: nothing says which suffixes it
  // uses, so any of them is fine.
  UNTYPED("", "_bucket", "_sum", "_count", "_total", "_created");

  /** Stripped in this order to guess the family of a sample that follows no # TYPE line. */
  private static final List<String> SUFFIXES =
      List.of("_bucket", "_sum", "_count", "_total", "_created");

  private final List<String> suffixes;

  FamilyType(String... suffixes) {
    this.suffixes = List.of(suffixes);
  }

  /** The type named on a # TYPE line, or null when the format has no such type. */
  static FamilyType named(String token) {
    switch (token.toLowerCase(Locale.ROOT)) {
      case "counter": return COUNTER;
      case "gauge": return GAUGE;
      case "summary": return SUMMARY;
      case "histogram": return HISTOGRAM;
      case "untyped": return UNTYPED;
      default: return null;
    }
  }

  /** Whether a sample called {@code name} belongs to a family of this type called {@code family}. */
  boolean admits(String family, String name) {
    int extra = name.length() - family.length();
    if (extra < 0 || !name.startsWith(family)) {
      return false;
    }
    for (String suffix : suffixes) {
      if (suffix.length() == extra && name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** The family a sample most likely belongs to when no # TYPE or # HELP line named one. */
  static String stem(String name) {
    for (String suffix : SUFFIXES) {
      if (name.length() > suffix.length() && name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }
}
