package dev.lookout.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.SimpleType;
import dev.lookout.config.Problem;
import dev.lookout.rules.format.Param;
import dev.lookout.rules.format.Position;
import dev.lookout.rules.format.RuleSpec;
import dev.lookout.rules.format.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a type-checked CEL AST into {@link Fn} closures over a {@link Row}. The checker has
 * already proved the types, so each node picks its closure by its checked type and nothing is
 * converted at run time. Anything outside the supported subset is a load error naming what to
 * write instead; the compiler carries on with a placeholder so that all problems are found.
 */
final class ExprCompiler {
  enum Kind { BOOL, INT, DOUBLE, STRING, LIST, MAP, OTHER }

  final CelAbstractSyntaxTree ast;
  final RuleSpec rule;
  private final List<Problem> problems;
  private final Map<String, Object> params = new HashMap<>();
  /** Comprehension variables in scope: name to slot; iteration variables live in Row.vars. */
  final Map<String, Integer> iterVars = new HashMap<>();
  final Map<String, Integer> accuVars = new HashMap<>();
  private final Calls calls = new Calls(this);
  private final Comprehensions comprehensions = new Comprehensions(this);
  int slots;
  /** The rule's delta/rate calls, in the order their closures index them. */
  final List<HistorySite> sites = new java.util.ArrayList<>();

  ExprCompiler(CelAbstractSyntaxTree ast, RuleSpec rule, List<Problem> problems) {
    this.ast = ast;
    this.rule = rule;
    this.problems = problems;
    for (Param p : rule.params()) {
      params.put(p.name(), paramValue(rule, p));
    }
  }

  /**
   * A param's value as the rule sees it. Sample values are doubles and CEL does not compare
   * doubles with ints, so in the sample scope {@code max_heap: 4096} is the double 4096.0.
   */
  static Object paramValue(RuleSpec rule, Param p) {
    return rule.each() == Scope.SAMPLE && p.value() instanceof Long l
        ? (Object) l.doubleValue() : p.value();
  }

  Kind kind(CelExpr e) {
    CelKind k = ast.getType(e.id()).orElse(SimpleType.DYN).kind();
    switch (k) {
      case BOOL: return Kind.BOOL;
      case INT: return Kind.INT;
      case DOUBLE: return Kind.DOUBLE;
      case STRING: return Kind.STRING;
      case LIST: return Kind.LIST;
      case MAP: return Kind.MAP;
      default: return Kind.OTHER;
    }
  }

  /** A closure of the interface matching the node's type, or null after a problem. */
  Object compile(CelExpr e) {
    switch (e.getKind()) {
      case CONSTANT: return constant(e);
      case IDENT: return ident(e);
      case SELECT: return select(e);
      case CALL: return calls.compile(e);
      case COMPREHENSION: return comprehensions.compile(e);
      case LIST: return list(e);
      default: return unsupported(e, "map and message literals are not supported");
    }
  }

  Fn.Bool bool(CelExpr e) {
    return compile(e) instanceof Fn.Bool f ? f : r -> Fn.UNKNOWN;
  }

  Fn.Int integer(CelExpr e) {
    return compile(e) instanceof Fn.Int f ? f : r -> Arithmetic.error(r);
  }

  /** Ints are widened where CEL compares or converts them against doubles. */
  Fn.Dbl dbl(CelExpr e) {
    Object c = compile(e);
    if (c instanceof Fn.Int i) {
      return r -> i.eval(r);
    }
    return c instanceof Fn.Dbl f ? f : r -> Arithmetic.error(r);
  }

  Fn.Str str(CelExpr e) {
    return compile(e) instanceof Fn.Str f ? f : r -> null;
  }

  Fn.Lst lst(CelExpr e) {
    return compile(e) instanceof Fn.Lst f ? f : r -> null;
  }

  Fn.Labels labels(CelExpr e) {
    return compile(e) instanceof Fn.Labels f ? f : r -> null;
  }

  Object unsupported(CelExpr e, String message) {
    problems.add(position(e).problem("alert " + rule.alert() + ": " + message));
    return null;
  }

  Position position(CelExpr e) {
    Integer offset = ast.getSource().getPositionsMap().get(e.id());
    CelSourceLocation loc = offset == null ? null
        : ast.getSource().getOffsetLocation(offset).orElse(null);
    return loc == null ? rule.expr().firstChar()
        : rule.expr().locate(loc.getLine(), loc.getColumn());
  }

  private Object constant(CelExpr e) {
    Object v = constantValue(e.constant());
    if (v == null) {
      return unsupported(e, e.constant().getKind() == CelConstant.Kind.NULL_VALUE
          ? "null is not supported: an absent value already keeps a rule from firing "
              + "(test presence with has(x.field))"
          : e.constant().getKind() == CelConstant.Kind.UINT64_VALUE
              ? "unsigned ints are not supported (drop the u suffix)"
              : "this constant type is not supported (use int, double, string or bool)");
    }
    return constantClosure(v);
  }

  static Object constantValue(CelConstant c) {
    switch (c.getKind()) {
      case BOOLEAN_VALUE: return c.booleanValue();
      case INT64_VALUE: return c.int64Value();
      case DOUBLE_VALUE: return c.doubleValue();
      case STRING_VALUE: return c.stringValue();
      default: return null;
    }
  }

  static Object constantClosure(Object v) {
    if (v instanceof Boolean b) {
      int value = Fn.of(b);
      return (Fn.Bool) r -> value;
    }
    if (v instanceof Long l) {
      long value = l;
      return (Fn.Int) r -> value;
    }
    if (v instanceof Double d) {
      double value = d;
      return (Fn.Dbl) r -> value;
    }
    String s = (String) v;
    return (Fn.Str) r -> s;
  }

  private Object ident(CelExpr e) {
    String name = e.ident().name();
    Integer accu = accuVars.get(name);
    if (accu != null) {
      int slot = accu;
      return kind(e) == Kind.BOOL ? (Fn.Bool) r -> (int) r.accus[slot]
          : (Fn.Int) r -> r.accus[slot];
    }
    Integer iter = iterVars.get(name);
    if (iter == null) {
      return unsupported(e, "use a field of " + name + ", e.g. " + name + "."
          + firstField(name) + "; whole entities cannot be compared or returned");
    }
    int slot = iter;
    switch (kind(e)) {
      case INT: return (Fn.Int) r -> ((Number) r.vars[slot]).longValue();
      case DOUBLE: return (Fn.Dbl) r -> ((Number) r.vars[slot]).doubleValue();
      case STRING: return (Fn.Str) r -> (String) r.vars[slot];
      case BOOL: return (Fn.Bool) r -> Fn.of((Boolean) r.vars[slot]);
      default: return unsupported(e, "iterating over lists of lists is not supported");
    }
  }

  private static String firstField(String variable) {
    Map<String, Field> fields = Schema.fields(variable);
    return fields == null ? "x" : fields.keySet().iterator().next();
  }

  private Object select(CelExpr e) {
    CelExpr operand = e.select().operand();
    String field = e.select().field();
    if (operand.getKind() != CelExpr.ExprKind.Kind.IDENT) {
      return unsupported(e, "only fields of the scope's variables can be selected");
    }
    String variable = operand.ident().name();
    if (variable.equals("params")) {
      return e.select().testOnly() ? (Fn.Bool) r -> Fn.TRUE : constantClosure(params.get(field));
    }
    Field f = Schema.fields(variable).get(field);
    return e.select().testOnly() ? presence(f.read()) : f.read();
  }

  /** {@code has(x.f)}: true when the entity is known and the field has a value. */
  private static Fn.Bool presence(Object read) {
    if (read instanceof Fn.Int i) {
      return r -> {
        i.eval(r);
        boolean absent = r.unknown;
        r.unknown = false;
        return Fn.of(!absent);
      };
    }
    if (read instanceof Fn.Dbl d) {
      return r -> {
        d.eval(r);
        boolean absent = r.unknown;
        r.unknown = false;
        return Fn.of(!absent);
      };
    }
    if (read instanceof Fn.Bool b) {
      return r -> Fn.of(b.eval(r) != Fn.UNKNOWN);
    }
    if (read instanceof Fn.Labels m) {
      return r -> Fn.of(m.eval(r) != null);
    }
    if (read instanceof Fn.Str s) {
      return r -> Fn.of(s.eval(r) != null);
    }
    Fn.Lst l = (Fn.Lst) read;
    return r -> Fn.of(l.eval(r) != null);
  }

  private Object list(CelExpr e) {
    List<Object> constants = new ArrayList<>();
    for (CelExpr element : e.list().elements()) {
      Object v = element.getKind() == CelExpr.ExprKind.Kind.CONSTANT
          ? constantValue(element.constant()) : null;
      if (v == null) {
        return unsupported(element, "list literals may hold constants only, e.g. [1, 2, 3]");
      }
      constants.add(v);
    }
    List<Object> value = List.copyOf(constants);
    return (Fn.Lst) r -> value;
  }
}
