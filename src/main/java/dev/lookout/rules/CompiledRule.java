package dev.lookout.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.lookout.config.Problem;
import dev.lookout.model.Replica;
import dev.lookout.rules.format.RuleSpec;
import dev.lookout.rules.format.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rule ready to evaluate: its expression type-checked by CEL once at load and compiled to
 * closures, its annotation templates compiled against the model. Immutable; evaluation state
 * lives in a {@link Row} per pass, so one rule may be evaluated from several threads.
 */
public final class CompiledRule {
  private static final Set<String> COMPARISONS = Set.of("_==_", "_!=_", "_<_", "_<=_", "_>_",
      "_>=_");

  private final String group;
  private final RuleSpec spec;
  private final CelAbstractSyntaxTree ast;
  final Fn.Bool root;
  /** What {@code $value} shows: the left side of the first comparison, else the result. */
  final Object value;
  final int slots;
  final List<HistorySite> sites;
  private final Map<String, List<Templates.Piece>> annotations;

  private CompiledRule(String group, RuleSpec spec, CelAbstractSyntaxTree ast, Fn.Bool root,
      Object value, ExprCompiler compiler, Map<String, List<Templates.Piece>> annotations) {
    this.group = group;
    this.spec = spec;
    this.ast = ast;
    this.root = root;
    this.value = value;
    this.slots = compiler.slots;
    this.sites = List.copyOf(compiler.sites);
    this.annotations = annotations;
  }

  /** The compiled rule, or empty after adding every problem found to {@code problems}. */
  static Optional<CompiledRule> compile(String group, RuleSpec spec, String runbookBase,
      List<Problem> problems) {
    int before = problems.size();
    Map<String, List<Templates.Piece>> annotations = new LinkedHashMap<>();
    spec.annotations().forEach((name, t) ->
        annotations.put(name, Templates.compile(spec, t, runbookBase, problems)));
    Optional<CelAbstractSyntaxTree> ast = CelFrontEnd.check(spec, problems);
    if (ast.isEmpty()) {
      return Optional.empty();
    }
    ExprCompiler compiler = new ExprCompiler(ast.get(), spec, problems);
    Fn.Bool root = compiler.bool(ast.get().getExpr());
    StepEstimate.check(ast.get().getExpr(), compiler);
    if (problems.size() > before) {
      return Optional.empty();
    }
    // Compiled a second time, so any problem in it has already been reported above.
    Object value = compiler.compile(valueExpr(ast.get().getExpr()));
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new CompiledRule(group, spec, ast.get(), root, value, compiler,
        annotations));
  }

  private static CelExpr valueExpr(CelExpr e) {
    while (e.getKind() == CelExpr.ExprKind.Kind.CALL) {
      String fn = e.call().function();
      if (COMPARISONS.contains(fn)) {
        return e.call().args().get(0);
      }
      if (!fn.equals("_&&_")) {
        break;
      }
      e = e.call().args().get(0);
    }
    return e;
  }

  public String group() {
    return group;
  }

  public RuleSpec spec() {
    return spec;
  }

  public String alert() {
    return spec.alert();
  }

  public Scope scope() {
    return spec.each();
  }

  /** The checked CEL AST, for tools that want to run it through CEL itself. */
  public CelAbstractSyntaxTree ast() {
    return ast;
  }

  Match match(Row r) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (spec.each() == Scope.SAMPLE) {
      // As in Prometheus, the rule's own labels win over the series' labels of the same name.
      labels.putAll(r.sample.labels());
    }
    labels.putAll(spec.labels());
    identity(r, labels);
    labels.put("alertname", spec.alert());
    String shown = Templates.show(value, r);
    Map<String, String> rendered = new LinkedHashMap<>();
    annotations.forEach((name, pieces) ->
        rendered.put(name, Templates.render(pieces, r, labels, shown)));
    return new Match(labels, rendered, shown);
  }

  private void identity(Row r, Map<String, String> labels) {
    if (spec.each().nats()) {
      NatsFacts.identity(spec.each(), r, labels);
      return;
    }
    switch (spec.each()) {
      case NODE -> labels.put("node", "N" + r.node.id());
      case LOG -> labels.put("log", Integer.toString(r.log.id()));
      case PARTITION -> labels.put("partition", Integer.toString(r.partition.id()));
      case REPLICA -> {
        Replica x = r.replica;
        labels.put("partition", Integer.toString(x.partition()));
        labels.put("node", "N" + x.node());
      }
      case SAMPLE -> labels.put("target", r.target);
      default -> { }
    }
  }
}
