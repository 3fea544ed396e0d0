package dev.lookout.rules;

import dev.cel.common.ast.CelExpr;
import dev.lookout.config.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code delta(x, "5m")}, {@code rate(x, "5m")} and {@code node_metric("name")}. A history
 * function reads the same field of the same entity (same key) as it was at least the window ago
 * (see {@link FieldHistory}); without a value that old, or when the entity or value was absent
 * then, the result is unknown, so a rule never fires on a guess.
 */
final class HistoryCalls {
  private final ExprCompiler c;

  HistoryCalls(ExprCompiler compiler) {
    this.c = compiler;
  }

  Object compile(CelExpr e, String fn, List<CelExpr> args) {
    if (fn.equals("node_metric")) {
      if (c.rule.each().nats()) {
        return c.unsupported(e, "node_metric() reads Restate node metrics; NATS scopes have none");
      }
      return nodeMetric(args.get(0));
    }
    Optional<Long> window = window(args.get(1));
    CelExpr x = args.get(0);
    boolean field = x.getKind() == CelExpr.ExprKind.Kind.SELECT && !x.select().testOnly()
        && x.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT
        && !x.select().operand().ident().name().equals("params");
    if (!field || !(c.compile(x) instanceof Fn.Int read)) {
      return c.unsupported(x, fn + "() needs an int field of the rule's variables, e.g. "
          + fn + "(replica.appliedLsn, \"5m\")");
    }
    if (window.isEmpty()) {
      return null;
    }
    String name = x.select().operand().ident().name() + "." + x.select().field();
    int site = c.sites.size();
    c.sites.add(HistorySite.of(c.rule.each(), name, read, window.get()));
    if (fn.equals("delta")) {
      return (Fn.Int) r -> {
        long now = read.eval(r);
        long old = r.unknown ? FieldHistory.ABSENT : r.pastValue(site);
        r.unknown |= old == FieldHistory.ABSENT;
        return r.unknown ? 0 : now - old;
      };
    }
    return (Fn.Dbl) r -> {
      long now = read.eval(r);
      long old = r.unknown ? FieldHistory.ABSENT : r.pastValue(site);
      r.unknown |= old == FieldHistory.ABSENT;
      if (r.unknown) {
        return 0;
      }
      double seconds = (r.atMillis() - r.pastMillis(site)) / 1000.0;
      return (now - old) / seconds;
    };
  }

  private Optional<Long> window(CelExpr w) {
    Optional<Duration> d = w.getKind() == CelExpr.ExprKind.Kind.CONSTANT
        ? Durations.parse(w.constant().stringValue()) : Optional.empty();
    if (d.isEmpty() || d.get().isZero()) {
      c.unsupported(w, "the window must be a constant duration longer than 0, e.g. \"5m\"");
      return Optional.empty();
    }
    return Optional.of(d.get().toMillis());
  }

  /**
   * The sum of the samples of that name from the row's node (label {@code node="N<id>"}),
   * narrowed to the row's partition where a sample has a {@code partition} label.
   */
  private Object nodeMetric(CelExpr name) {
    if (name.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
      return c.unsupported(name, "node_metric() needs a constant metric name");
    }
    String metric = name.constant().stringValue();
    return (Fn.Dbl) r -> {
      List<MetricPoint> points = r.facts.metric(metric);
      double sum = 0;
      boolean found = false;
      for (int i = 0; i < points.size(); i++) {
        MetricPoint p = points.get(i);
        if ((r.node == null || p.node() == r.node.id())
            && (r.partition == null || p.partition() < 0 || p.partition() == r.partition.id())) {
          sum += p.value();
          found = true;
        }
      }
      r.unknown |= !found;
      return sum;
    };
  }
}
