package dev.lookout.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.ast.CelExpr;
import dev.lookout.rules.Closures.Cmp;
import dev.lookout.rules.ExprCompiler.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles CEL function calls: the standard operators and functions rules need, and history. */
final class Calls {
  private static final Map<String, Cmp> COMPARISONS = Map.of("_==_", Cmp.EQ, "_!=_", Cmp.NE,
      "_<_", Cmp.LT, "_<=_", Cmp.LE, "_>_", Cmp.GT, "_>=_", Cmp.GE);

  private final ExprCompiler c;
  private final HistoryCalls history;

  Calls(ExprCompiler compiler) {
    this.c = compiler;
    this.history = new HistoryCalls(compiler);
  }

  Object compile(CelExpr e) {
    String fn = e.call().function();
    List<CelExpr> args = new ArrayList<>();
    e.call().target().ifPresent(args::add);
    args.addAll(e.call().args());
    if (COMPARISONS.containsKey(fn)) {
      return compare(e, COMPARISONS.get(fn), args.get(0), args.get(1));
    }
    switch (fn) {
      case "_&&_": return Closures.and(c.bool(args.get(0)), c.bool(args.get(1)));
      case "_||_": return Closures.or(c.bool(args.get(0)), c.bool(args.get(1)));
      case "!_": return Closures.not(c.bool(args.get(0)));
      case "@not_strictly_false": return Closures.notStrictlyFalse(c.bool(args.get(0)));
      case "_?_:_": return conditional(e, args);
      case "@in": return in(e, args.get(0), args.get(1));
      case "_[_]": return index(e, args.get(0), args.get(1));
      case "-_": return negate(e, args.get(0));
      case "_+_": case "_-_": case "_*_": case "_/_": case "_%_": return arithmetic(e, fn, args);
      case "size": return size(e, args.get(0));
      case "contains": case "startsWith": case "endsWith": case "matches":
        return strings(e, fn, args.get(0), args.get(1));
      case "int": case "double": case "string": return conversion(e, fn, args.get(0));
      case "delta": case "rate": case "node_metric": return history.compile(e, fn, args);
      default: return c.unsupported(e, "function " + fn + " is not supported by the rule engine");
    }
  }

  private Object compare(CelExpr e, Cmp op, CelExpr a, CelExpr b) {
    Kind ka = c.kind(a);
    Kind kb = c.kind(b);
    if (ka == Kind.INT && kb == Kind.INT) {
      return Closures.ints(op, c.integer(a), c.integer(b));
    }
    if ((ka == Kind.INT || ka == Kind.DOUBLE) && (kb == Kind.INT || kb == Kind.DOUBLE)) {
      return Closures.doubles(op, c.dbl(a), c.dbl(b));
    }
    if (ka == Kind.STRING && kb == Kind.STRING) {
      return Closures.strings(op, c.str(a), c.str(b));
    }
    if (ka == Kind.BOOL && kb == Kind.BOOL) {
      return Closures.bools(op, c.bool(a), c.bool(b));
    }
    if (ka == Kind.LIST && kb == Kind.LIST && (op == Cmp.EQ || op == Cmp.NE)) {
      return Closures.lists(op, c.lst(a), c.lst(b));
    }
    return c.unsupported(e, "cannot compare these types (compare ints, doubles, strings or bools)");
  }

  private Object conditional(CelExpr e, List<CelExpr> args) {
    Fn.Bool cond = c.bool(args.get(0));
    switch (c.kind(e)) {
      case BOOL: {
        Fn.Bool a = c.bool(args.get(1));
        Fn.Bool b = c.bool(args.get(2));
        return (Fn.Bool) r -> { int x = cond.eval(r); return x == Fn.UNKNOWN ? x : x == Fn.TRUE ? a.eval(r) : b.eval(r); };
      }
      case INT: {
        Fn.Int a = c.integer(args.get(1));
        Fn.Int b = c.integer(args.get(2));
        return (Fn.Int) r -> { int x = cond.eval(r); if (x == Fn.UNKNOWN) { r.unknown = true; return 0; } return x == Fn.TRUE ? a.eval(r) : b.eval(r); };
      }
      case DOUBLE: {
        Fn.Dbl a = c.dbl(args.get(1));
        Fn.Dbl b = c.dbl(args.get(2));
        return (Fn.Dbl) r -> { int x = cond.eval(r); if (x == Fn.UNKNOWN) { r.unknown = true; return 0; } return x == Fn.TRUE ? a.eval(r) : b.eval(r); };
      }
      case STRING: {
        Fn.Str a = c.str(args.get(1));
        Fn.Str b = c.str(args.get(2));
        return (Fn.Str) r -> { int x = cond.eval(r); return x == Fn.UNKNOWN ? null : x == Fn.TRUE ? a.eval(r) : b.eval(r); };
      }
      default:
        return c.unsupported(e, "a conditional must give an int, double, string or bool");
    }
  }

  private Object in(CelExpr e, CelExpr x, CelExpr list) {
    if (c.kind(list) == Kind.MAP && c.kind(x) == Kind.STRING) {
      Fn.Str key = c.str(x);
      Fn.Labels map = c.labels(list);
      return (Fn.Bool) r -> {
        String k = key.eval(r);
        Map<String, String> m = map.eval(r);
        return k == null || m == null ? Fn.UNKNOWN : Fn.of(m.containsKey(k));
      };
    }
    switch (c.kind(x)) {
      case INT: return Closures.in(c.integer(x), c.lst(list));
      case STRING: return Closures.in(c.str(x), c.lst(list));
      default: return c.unsupported(e, "'in' works on ints and strings in lists");
    }
  }

  /** {@code sample.labels["job"]}; an absent key is CEL's "no such key" error: unknown. */
  private Object index(CelExpr e, CelExpr target, CelExpr key) {
    if (c.kind(target) != Kind.MAP || c.kind(key) != Kind.STRING) {
      return c.unsupported(e, "indexing works on labels only, e.g. sample.labels[\"mbean\"]");
    }
    Fn.Labels map = c.labels(target);
    Fn.Str k = c.str(key);
    return (Fn.Str) r -> {
      Map<String, String> m = map.eval(r);
      String name = k.eval(r);
      return m == null || name == null ? null : m.get(name);
    };
  }

  private Object negate(CelExpr e, CelExpr x) {
    if (c.kind(x) == Kind.INT) {
      return Arithmetic.negate(c.integer(x));
    }
    Fn.Dbl d = c.dbl(x);
    return (Fn.Dbl) r -> -d.eval(r);
  }

  private Object arithmetic(CelExpr e, String fn, List<CelExpr> args) {
    Object result;
    switch (c.kind(e)) {
      case INT: result = Arithmetic.ints(fn, c.integer(args.get(0)), c.integer(args.get(1))); break;
      case DOUBLE: result = Arithmetic.doubles(fn, c.dbl(args.get(0)), c.dbl(args.get(1))); break;
      case STRING: result = Arithmetic.concat(c.str(args.get(0)), c.str(args.get(1))); break;
      case LIST: result = Arithmetic.concat(c.lst(args.get(0)), c.lst(args.get(1))); break;
      default: result = null;
    }
    return result != null ? result : c.unsupported(e, "operator " + fn.replace("_", "")
        + " is not supported on these types");
  }

  private Object size(CelExpr e, CelExpr x) {
    if (c.kind(x) == Kind.STRING) {
      Fn.Str s = c.str(x);
      return (Fn.Int) r -> { String v = s.eval(r); r.unknown = v == null; return v == null ? 0 : v.codePointCount(0, v.length()); };
    }
    if (c.kind(x) == Kind.LIST) {
      Fn.Lst l = c.lst(x);
      return (Fn.Int) r -> { List<?> v = l.eval(r); r.unknown = v == null; return v == null ? 0 : v.size(); };
    }
    return c.unsupported(e, "size() works on strings and lists");
  }

  private Object strings(CelExpr e, String fn, CelExpr target, CelExpr arg) {
    Fn.Str s = c.str(target);
    if (fn.equals("matches")) {
      return matches(arg, s);
    }
    Fn.Str a = c.str(arg);
    return (Fn.Bool) r -> {
      String x = s.eval(r);
      String y = a.eval(r);
      if (x == null || y == null) {
        return Fn.UNKNOWN;
      }
      boolean b = fn.equals("contains") ? x.contains(y)
          : fn.equals("startsWith") ? x.startsWith(y) : x.endsWith(y);
      return Fn.of(b);
    };
  }

  /**
   * CEL's matches() is a search, not a full match; constant patterns compile at load. RE2, as
   * CEL specifies: it runs in time linear in the text, so no pattern can hang on a target's
   * strings the way a backtracking one like (a+)+$ can.
   */
  private Object matches(CelExpr arg, Fn.Str s) {
    if (arg.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
      return c.unsupported(arg, "matches() needs a constant pattern, e.g. matches(\"^N[0-9]+$\")");
    }
    Pattern p;
    try {
      p = Pattern.compile(arg.constant().stringValue());
    } catch (PatternSyntaxException bad) {
      return c.unsupported(arg, "bad regular expression: " + bad.getDescription());
    }
    return (Fn.Bool) r -> {
      String x = s.eval(r);
      return x == null ? Fn.UNKNOWN : Fn.of(p.matcher(x).find());
    };
  }

  private Object conversion(CelExpr e, String fn, CelExpr x) {
    Kind from = c.kind(x);
    if (fn.equals("double") && (from == Kind.INT || from == Kind.DOUBLE)) {
      return c.dbl(x);
    }
    if (fn.equals("int") && from == Kind.DOUBLE) {
      return Arithmetic.toInt(c.dbl(x));
    }
    if (fn.equals("int") && from == Kind.INT || fn.equals("string") && from == Kind.STRING) {
      return c.compile(x);
    }
    if (fn.equals("string") && from == Kind.INT) {
      Fn.Int i = c.integer(x);
      return (Fn.Str) r -> { long v = i.eval(r); if (r.unknown) { r.unknown = false; return null; } return Long.toString(v); };
    }
    return c.unsupported(e, fn + "() is supported from int and double only");
  }
}
