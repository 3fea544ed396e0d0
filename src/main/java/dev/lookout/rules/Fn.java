package dev.lookout.rules;

import java.util.List;

/**
 * The closures a checked CEL expression is compiled into, one interface per CEL type so that
 * numbers stay primitive. CEL's errors (an absent value, an overflow, a division by zero) are
 * "unknown" here: boolean closures return {@link #UNKNOWN}; numeric ones set
 * {@link Row#unknown} and return 0, and whoever reads a number checks the flag before using
 * it; string and list closures return null. A boolean closure always leaves the flag clear.
 */
final class Fn {
  static final int FALSE = 0;
  static final int TRUE = 1;
  static final int UNKNOWN = 2;

  private Fn() {}

  static int of(boolean b) {
    return b ? TRUE : FALSE;
  }

  interface Bool {
    int eval(Row r);
  }

  interface Int {
    long eval(Row r);
  }

  interface Dbl {
    double eval(Row r);
  }

  interface Str {
    String eval(Row r);
  }

  /** A string-to-string map: a sample's labels. */
  interface Labels {
    java.util.Map<String, String> eval(Row r);
  }

  /** Elements are never null: Integer or Long for list(int), String, Double or Boolean. */
  interface Lst {
    List<?> eval(Row r);
  }
}
