package dev.lookout.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus-style durations such as {@code 500ms}, {@code 10s} or {@code 1h30m}: units from
 * largest to smallest, each at most once, always written (a bare {@code 10} is rejected because
 * nobody can tell whether it meant seconds). {@code 0} alone is allowed, as in Prometheus.
 */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile(
      "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
  // Milliseconds per unit, in the order of the groups above; a year is 365 days, as in Prometheus.
  private static final long[] MILLIS = {
    365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1
  };

  private Durations() {}

  /** The duration written as {@code text}, or empty if it is not one. */
  public static Optional<Duration> parse(String text) {
    if (text.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = FORMAT.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    long total = 0;
    try {
      for (int i = 0; i < MILLIS.length; i++) {
        String digits = m.group(i + 1);
        if (digits != null) {
          total = Math.addExact(total, Math.multiplyExact(Long.parseLong(digits), MILLIS[i]));
        }
      }
    } catch (ArithmeticException | NumberFormatException tooLong) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(total));
  }

  /** The shortest text {@link #parse} reads back as {@code d}, e.g. {@code 1h30m}. */
  public static String format(Duration d) {
    long millis = d.toMillis();
    if (millis == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
    for (int i = 0; i < MILLIS.length; i++) {
      if (millis >= MILLIS[i]) {
        out.append(millis / MILLIS[i]).append(units[i]);
        millis %= MILLIS[i];
      }
    }
    return out.toString();
  }
}
