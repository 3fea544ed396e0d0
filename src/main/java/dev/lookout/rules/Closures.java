package dev.lookout.rules;

import static dev.lookout.rules.Fn.FALSE;
import static dev.lookout.rules.Fn.TRUE;
import static dev.lookout.rules.Fn.UNKNOWN;

import java.util.List;
import java.util.Objects;

/**
 * The closures for CEL's standard operators, with CEL's semantics: {@code &&} and {@code ||}
 * are commutative over errors (false wins for and, true for or), integer arithmetic fails on
 * overflow and division by zero, doubles follow IEEE 754. An error is "unknown" ({@link Fn}).
 */
final class Closures {
  private Closures() {}

  enum Cmp { EQ, NE, LT, LE, GT, GE }

  /** Clears the unknown flag a numeric operand set, turning it into a boolean unknown. */
  static int unknown(Row r) {
    r.unknown = false;
    return UNKNOWN;
  }

  static boolean holds(Cmp op, int c) {
    switch (op) {
      case EQ: return c == 0;
      case NE: return c != 0;
      case LT: return c < 0;
      case LE: return c <= 0;
      case GT: return c > 0;
      default: return c >= 0;
    }
  }

  // Integer comparisons are the hot path of most rules: one closure per operator, no switch.
  // Every numeric read is checked at once, so that a later operand is only ever evaluated
  // with the flag clear (a boolean inside it may clear the flag on its way out).
  static Fn.Bool ints(Cmp op, Fn.Int a, Fn.Int b) {
    switch (op) {
      case EQ: return r -> { long x = a.eval(r); if (r.unknown) return unknown(r); long y = b.eval(r); return r.unknown ? unknown(r) : Fn.of(x == y); };
      case NE: return r -> { long x = a.eval(r); if (r.unknown) return unknown(r); long y = b.eval(r); return r.unknown ? unknown(r) : Fn.of(x != y); };
      case LT: return r -> { long x = a.eval(r); if (r.unknown) return unknown(r); long y = b.eval(r); return r.unknown ? unknown(r) : Fn.of(x < y); };
      case LE: return r -> { long x = a.eval(r); if (r.unknown) return unknown(r); long y = b.eval(r); return r.unknown ? unknown(r) : Fn.of(x <= y); };
      case GT: return r -> { long x = a.eval(r); if (r.unknown) return unknown(r); long y = b.eval(r); return r.unknown ? unknown(r) : Fn.of(x > y); };
      default: return r -> { long x = a.eval(r); if (r.unknown) return unknown(r); long y = b.eval(r); return r.unknown ? unknown(r) : Fn.of(x >= y); };
    }
  }

  /** IEEE comparisons: NaN is unequal to everything and neither less nor greater. */
  static Fn.Bool doubles(Cmp op, Fn.Dbl a, Fn.Dbl b) {
    return r -> {
      double x = a.eval(r);
      if (r.unknown) {
        return unknown(r);
      }
      double y = b.eval(r);
      if (r.unknown) {
        return unknown(r);
      }
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Fn.of(op == Cmp.NE);
      }
      return Fn.of(holds(op, Double.compare(x == 0.0 ? 0.0 : x, y == 0.0 ? 0.0 : y)));
    };
  }

  static Fn.Bool strings(Cmp op, Fn.Str a, Fn.Str b) {
    return r -> {
      String x = a.eval(r);
      String y = b.eval(r);
      return x == null || y == null ? UNKNOWN : Fn.of(holds(op, x.compareTo(y)));
    };
  }

  static Fn.Bool bools(Cmp op, Fn.Bool a, Fn.Bool b) {
    return r -> {
      int x = a.eval(r);
      int y = b.eval(r);
      return x == UNKNOWN || y == UNKNOWN ? UNKNOWN : Fn.of(holds(op, Integer.compare(x, y)));
    };
  }

  static Fn.Bool lists(Cmp op, Fn.Lst a, Fn.Lst b) {
    return r -> {
      List<?> x = a.eval(r);
      List<?> y = b.eval(r);
      return x == null || y == null ? UNKNOWN : Fn.of(sameList(x, y) == (op == Cmp.EQ));
    };
  }

  private static boolean sameList(List<?> x, List<?> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!sameElement(x.get(i), y.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The model holds node ids as Integer, CEL literals are Long: compare numbers by value. */
  static boolean sameElement(Object x, Object y) {
    if (x instanceof Number a && y instanceof Number b) {
      return a instanceof Double || b instanceof Double
          ? a.doubleValue() == b.doubleValue() : a.longValue() == b.longValue();
    }
    return Objects.equals(x, y);
  }

  static Fn.Bool and(Fn.Bool a, Fn.Bool b) {
    return r -> {
      int x = a.eval(r);
      if (x == FALSE) {
        return FALSE;
      }
      int y = b.eval(r);
      return y == FALSE ? FALSE : x == UNKNOWN || y == UNKNOWN ? UNKNOWN : TRUE;
    };
  }

  static Fn.Bool or(Fn.Bool a, Fn.Bool b) {
    return r -> {
      int x = a.eval(r);
      if (x == TRUE) {
        return TRUE;
      }
      int y = b.eval(r);
      return y == TRUE ? TRUE : x == UNKNOWN || y == UNKNOWN ? UNKNOWN : FALSE;
    };
  }

  static Fn.Bool not(Fn.Bool a) {
    return r -> {
      int x = a.eval(r);
      return x == UNKNOWN ? UNKNOWN : 1 - x;
    };
  }

  /** CEL's loop condition for all/exists: an error so far does not stop the loop. */
  static Fn.Bool notStrictlyFalse(Fn.Bool a) {
    return r -> a.eval(r) == FALSE ? FALSE : TRUE;
  }

  static Fn.Bool in(Fn.Int x, Fn.Lst list) {
    return r -> {
      long v = x.eval(r);
      if (r.unknown) {
        return unknown(r);
      }
      List<?> l = list.eval(r);
      if (l == null) {
        return unknown(r);
      }
      for (Object e : l) {
        if (e instanceof Number n && !(n instanceof Double) && n.longValue() == v) {
          return TRUE;
        }
      }
      return FALSE;
    };
  }

  static Fn.Bool in(Fn.Str x, Fn.Lst list) {
    return r -> {
      String v = x.eval(r);
      List<?> l = list.eval(r);
      return v == null || l == null ? UNKNOWN : Fn.of(l.contains(v));
    };
  }
}
