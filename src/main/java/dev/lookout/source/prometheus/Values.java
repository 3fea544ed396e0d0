package dev.lookout.source.prometheus;

/**
 * Numbers of the text format. Stricter than {@link Double#parseDouble}, which would also take
 * "1d", "0x1p3" or surrounding spaces; looser than Java about the spellings of infinity.
 */
final class Values {
  /** Plain integers of up to this many digits are exact in a long and common on real pages. */
  private static final int FAST_DIGITS = 18;

  private Values() {}

  /** The sample value in {@code text[from, to)}, a non-empty token without blanks. */
  static double parseValue(String text, int from, int to) throws Malformed {
    boolean negative = text.charAt(from) == '-';
    int digits = negative ? from + 1 : from;
    if (to - digits <= FAST_DIGITS && isDigits(text, digits, to)) {
      long v = 0;
      for (int p = digits; p < to; p++) {
        v = v * 10 + (text.charAt(p) - '0');
      }
      // -0 must stay -0.0, so negate the double rather than the long.
      return negative ? -(double) v : v;
    }
    return parseGeneral(text, from, to);
  }

  private static double parseGeneral(String text, int from, int to) throws Malformed {
    String token = text.substring(from, to);
    if (token.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    double infinity = infinity(token);
    if (infinity != 0) {
      return infinity;
    }
    boolean sawDigit = false;
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if (c >= '0' && c <= '9') {
        sawDigit = true;
      } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
        throw new Malformed("unparseable value " + token);
      }
    }
    if (!sawDigit) {
      throw new Malformed("unparseable value " + token);
    }
    try {
      return Double.parseDouble(token);
    } catch (NumberFormatException e) {
      throw new Malformed("unparseable value " + token);
    }
  }

  /** ±Inf as Go's ParseFloat spells it, case-insensitively; 0 when the token is something else. */
  private static double infinity(String token) {
    String t = token;
    double sign = 1;
    if (t.startsWith("+") || t.startsWith("-")) {
      sign = t.charAt(0) == '-' ? -1 : 1;
      t = t.substring(1);
    }
    if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    return 0;
  }

  /** An optional timestamp: integer milliseconds. Read only to reject garbage; never kept. */
  static void checkTimestamp(String text, int from, int to) throws Malformed {
    int digits = text.charAt(from) == '-' ? from + 1 : from;
    if (!isDigits(text, digits, to)) {
      throw new Malformed("bad timestamp " + text.substring(from, to));
    }
  }

  /** Whether the range is non-empty and all ASCII digits. */
  private static boolean isDigits(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
