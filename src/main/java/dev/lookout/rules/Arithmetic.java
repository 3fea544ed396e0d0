package dev.lookout.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Numeric, string and list operators. Integer overflow and division by zero are CEL errors:
 * they make the value unknown and are counted in {@link Row#errors}, since unlike an absent
 * value they usually mean the rule itself is wrong.
 */
final class Arithmetic {
  private Arithmetic() {}

  static Fn.Int ints(String function, Fn.Int a, Fn.Int b) {
    switch (function) {
      case "_+_": return r -> { long x = a.eval(r); if (r.unknown) return 0; long y = b.eval(r); return r.unknown ? 0 : add(r, x, y); };
      case "_-_": return r -> { long x = a.eval(r); if (r.unknown) return 0; long y = b.eval(r); return r.unknown ? 0 : sub(r, x, y); };
      case "_*_": return r -> { long x = a.eval(r); if (r.unknown) return 0; long y = b.eval(r); return r.unknown ? 0 : mul(r, x, y); };
      case "_/_": return r -> { long x = a.eval(r); if (r.unknown) return 0; long y = b.eval(r); return r.unknown ? 0 : div(r, x, y); };
      case "_%_": return r -> { long x = a.eval(r); if (r.unknown) return 0; long y = b.eval(r); return r.unknown ? 0 : mod(r, x, y); };
      default: return null;
    }
  }

  static Fn.Dbl doubles(String function, Fn.Dbl a, Fn.Dbl b) {
    switch (function) {
      case "_+_": return r -> { double x = a.eval(r); return r.unknown ? 0 : x + b.eval(r); };
      case "_-_": return r -> { double x = a.eval(r); return r.unknown ? 0 : x - b.eval(r); };
      case "_*_": return r -> { double x = a.eval(r); return r.unknown ? 0 : x * b.eval(r); };
      case "_/_": return r -> { double x = a.eval(r); return r.unknown ? 0 : x / b.eval(r); };
      default: return null;
    }
  }

  static Fn.Int negate(Fn.Int a) {
    return r -> {
      long x = a.eval(r);
      return r.unknown ? 0 : x == Long.MIN_VALUE ? error(r) : -x;
    };
  }

  static Fn.Str concat(Fn.Str a, Fn.Str b) {
    return r -> {
      String x = a.eval(r);
      String y = b.eval(r);
      return x == null || y == null ? null : x + y;
    };
  }

  static Fn.Lst concat(Fn.Lst a, Fn.Lst b) {
    return r -> {
      List<?> x = a.eval(r);
      List<?> y = b.eval(r);
      if (x == null || y == null) {
        return null;
      }
      List<Object> out = new ArrayList<>(x);
      out.addAll(y);
      return out;
    };
  }

  /** CEL's {@code int(double)}: truncates, and fails outside the int64 range or on NaN. */
  static Fn.Int toInt(Fn.Dbl a) {
    return r -> {
      double x = a.eval(r);
      if (r.unknown) {
        return 0;
      }
      boolean fits = x > -9.223372036854775808E18 && x < 9.223372036854775807E18;
      return fits ? (long) x : error(r);
    };
  }

  static long error(Row r) {
    r.unknown = true;
    r.errors++;
    return 0;
  }

  private static long add(Row r, long x, long y) {
    long s = x + y;
    return ((x ^ s) & (y ^ s)) < 0 ? error(r) : s;
  }

  private static long sub(Row r, long x, long y) {
    long d = x - y;
    return ((x ^ y) & (x ^ d)) < 0 ? error(r) : d;
  }

  private static long mul(Row r, long x, long y) {
    long hi = Math.multiplyHigh(x, y);
    long lo = x * y;
    return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? lo : error(r);
  }

  private static long div(Row r, long x, long y) {
    return y == 0 || (x == Long.MIN_VALUE && y == -1) ? error(r) : x / y;
  }

  private static long mod(Row r, long x, long y) {
    return y == 0 ? error(r) : x % y;
  }
}
