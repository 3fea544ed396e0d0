package dev.lookout.rules;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.lookout.rules.ExprCompiler.Kind;
import java.util.List;
import java.util.Map;

/**
 * The comprehensions CEL's macros expand to ({@code all}, {@code exists}, {@code exists_one})
 * over lists. The accumulator is a bool or an int held in a {@link Row} slot; {@code map} and
 * {@code filter}, which accumulate lists, are not supported, so a loop allocates nothing. Every
 * iteration takes a step from the entity's budget ({@link Row#step()}); a rule whose loops could
 * take too many is refused at load ({@link StepEstimate}).
 */
final class Comprehensions {
  private final ExprCompiler c;

  Comprehensions(ExprCompiler compiler) {
    this.c = compiler;
  }

  /** One run of the loop; false when the result is unknown (unknown range or int step). */
  private interface Loop {
    boolean run(Row r);
  }

  Object compile(CelExpr e) {
    CelComprehension k = e.comprehension();
    Kind accuKind = c.kind(k.accuInit());
    if (!k.iterVar2().isEmpty() || c.kind(k.iterRange()) != Kind.LIST
        || (accuKind != Kind.BOOL && accuKind != Kind.INT)) {
      return c.unsupported(e, "only all(), exists() and exists_one() over lists are supported");
    }
    Fn.Lst range = c.lst(k.iterRange());
    int iter = c.slots++;
    int accu = c.slots++;
    Integer outerIter = c.iterVars.put(k.iterVar(), iter);
    Integer outerAccu = c.accuVars.put(k.accuVar(), accu);
    try {
      Loop loop = accuKind == Kind.BOOL
          ? boolLoop(range, iter, accu, c.bool(k.accuInit()), c.bool(k.loopCondition()),
              c.bool(k.loopStep()))
          : intLoop(range, iter, accu, c.integer(k.accuInit()), c.bool(k.loopCondition()),
              c.integer(k.loopStep()));
      return result(e, k.result(), loop);
    } finally {
      restore(c.iterVars, k.iterVar(), outerIter);
      restore(c.accuVars, k.accuVar(), outerAccu);
    }
  }

  private Object result(CelExpr e, CelExpr result, Loop loop) {
    if (c.kind(e) == Kind.BOOL) {
      Fn.Bool res = c.bool(result);
      return (Fn.Bool) r -> loop.run(r) ? res.eval(r) : Fn.UNKNOWN;
    }
    if (c.kind(e) == Kind.INT) {
      Fn.Int res = c.integer(result);
      return (Fn.Int) r -> {
        if (!loop.run(r)) {
          r.unknown = true;
          return 0;
        }
        return res.eval(r);
      };
    }
    return c.unsupported(e, "only all(), exists() and exists_one() over lists are supported");
  }

  private static Loop boolLoop(Fn.Lst range, int iter, int accu, Fn.Bool init, Fn.Bool cond,
      Fn.Bool step) {
    return r -> {
      List<?> items = range.eval(r);
      if (items == null) {
        return false;
      }
      r.accus[accu] = init.eval(r);
      for (Object item : items) {
        if (!r.step()) {
          return false;
        }
        r.vars[iter] = item;
        if (cond.eval(r) == Fn.FALSE) {
          break;
        }
        r.accus[accu] = step.eval(r);
      }
      return true;
    };
  }

  private static Loop intLoop(Fn.Lst range, int iter, int accu, Fn.Int init, Fn.Bool cond,
      Fn.Int step) {
    return r -> {
      List<?> items = range.eval(r);
      if (items == null) {
        return false;
      }
      r.accus[accu] = init.eval(r);
      for (Object item : items) {
        if (!r.step()) {
          return false;
        }
        r.vars[iter] = item;
        if (cond.eval(r) == Fn.FALSE) {
          break;
        }
        long next = step.eval(r);
        if (r.unknown) {
          r.unknown = false;
          return false;
        }
        r.accus[accu] = next;
      }
      return true;
    };
  }

  private static void restore(Map<String, Integer> vars, String name, Integer outer) {
    if (outer == null) {
      vars.remove(name);
    } else {
      vars.put(name, outer);
    }
  }
}
