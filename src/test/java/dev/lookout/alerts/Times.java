package dev.lookout.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test times written as offsets from a fixed start, such as {@code "1m30s"}. */
final class Times {
  static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
  private static final Pattern OFFSET = Pattern.compile("(?:(\\d+)m)?(?:(\\d+)s)?");

  private Times() {}

  static Instant at(String offset) {
    return T0.plus(duration(offset));
  }

  static Duration duration(String text) {
    Matcher m = OFFSET.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("not an offset like 1m30s: " + text);
    }
    long minutes = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long seconds = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    return Duration.ofMinutes(minutes).plusSeconds(seconds);
  }

  static String since(Instant instant) {
    long total = Duration.between(T0, instant).toSeconds();
    if (total == 0) {
      return "0s";
    }
    return (total / 60 > 0 ? total / 60 + "m" : "") + (total % 60 > 0 ? total % 60 + "s" : "");
  }
}
