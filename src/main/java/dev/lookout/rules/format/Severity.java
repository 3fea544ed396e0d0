package dev.lookout.rules.format;

import java.util.Locale;
import java.util.Optional;

/** The closed set of severities a receiver can route on; anything else is a typo. */
public enum Severity {
  CRITICAL,
  WARNING,
  INFO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Severity> of(String text) {
    for (Severity s : values()) {
      if (s.label().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
