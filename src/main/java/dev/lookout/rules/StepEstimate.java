package dev.lookout.rules;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;

/**
 * A worst-case count, made at load, of the loop iterations ("steps") one evaluation of a rule
 * takes for one entity; the rest of an expression runs once per entity. A comprehension
 * ({@code all}, {@code exists}, {@code exists_one}) runs its body once per element of its list,
 * whose length is known for a literal and assumed to be {@link #MODEL_LIST} for a list read from the model (node sets,
 * replica sets, roles: bounded by the cluster's size). A rule estimated above {@link #MAX_STEPS}
 * is refused, pointing at its outermost loop over the limit; lists longer than assumed are
 * caught at run time by {@link Row#step()}.
 */
final class StepEstimate {
  static final long MAX_STEPS = 100_000;
  static final long MODEL_LIST = 100;

  private StepEstimate() {}

  /** Adds a problem to {@code compiler} when the expression may take more than MAX_STEPS. */
  static void check(CelExpr root, ExprCompiler compiler) {
    long steps = of(root);
    if (steps > MAX_STEPS) {
      CelExpr at = outermostOverLimit(root);
      compiler.unsupported(at == null ? root : at, "this expression may take "
          + (steps == Long.MAX_VALUE ? "too many" : "up to " + steps) + " steps per entity (nested"
          + " all()/exists() over lists multiply); at most " + MAX_STEPS + " are allowed"
          + " (loop over fewer or shorter lists)");
    }
  }

  /** Loop iterations in the worst case; everything but a loop's body counts nothing. */
  static long of(CelExpr e) {
    switch (e.getKind()) {
      case SELECT: return of(e.select().operand());
      case CALL: {
        long sum = e.call().target().map(StepEstimate::of).orElse(0L);
        for (CelExpr arg : e.call().args()) {
          sum = plus(sum, of(arg));
        }
        return sum;
      }
      case COMPREHENSION: return comprehension(e.comprehension());
      default: return 0;
    }
  }

  private static long comprehension(CelComprehension k) {
    long body = plus(of(k.loopCondition()), of(k.loopStep()));
    long once = plus(plus(of(k.iterRange()), of(k.accuInit())), of(k.result()));
    return plus(once, times(length(k.iterRange()), plus(body, 1)));
  }

  private static long length(CelExpr range) {
    return range.getKind() == CelExpr.ExprKind.Kind.LIST
        ? range.list().elements().size() : MODEL_LIST;
  }

  private static CelExpr outermostOverLimit(CelExpr e) {
    if (e.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
      return of(e) > MAX_STEPS ? e : null;
    }
    switch (e.getKind()) {
      case SELECT: return outermostOverLimit(e.select().operand());
      case CALL: {
        CelExpr found = e.call().target().map(StepEstimate::outermostOverLimit).orElse(null);
        for (int i = 0; found == null && i < e.call().args().size(); i++) {
          found = outermostOverLimit(e.call().args().get(i));
        }
        return found;
      }
      default: return null;
    }
  }

  private static long plus(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long times(long a, long b) {
    return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
  }
}
