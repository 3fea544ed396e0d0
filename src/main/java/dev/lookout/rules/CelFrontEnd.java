package dev.lookout.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.lookout.config.Problem;
import dev.lookout.rules.format.Expression;
import dev.lookout.rules.format.Param;
import dev.lookout.rules.format.RuleSpec;
import dev.lookout.rules.format.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses and type-checks a rule's expression with cel-java against the variables of its scope,
 * each declared as a struct type built from {@link Schema} (so an unknown field is a type
 * error), plus {@code params} typed from the rule's own params. The result must be a bool.
 */
final class CelFrontEnd {
  static final CelOptions OPTIONS = CelOptions.current()
      .maxExpressionCodePointSize(4_096).maxParseRecursionDepth(64).build();

  private CelFrontEnd() {}

  /** The checked AST, or empty after adding CEL's complaints, positioned in the file. */
  static Optional<CelAbstractSyntaxTree> check(RuleSpec rule, List<Problem> problems) {
    CelCompiler compiler = compiler(rule);
    CelValidationResult result = compiler.compile(rule.expr().text());
    if (!result.hasError()) {
      try {
        return Optional.of(result.getAst());
      } catch (CelValidationException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    for (CelIssue issue : result.getErrors()) {
      Expression e = rule.expr();
      var at = e.locate(Math.max(1, issue.getSourceLocation().getLine()),
          Math.max(0, issue.getSourceLocation().getColumn()));
      problems.add(at.problem("alert " + rule.alert() + ": " + issue.getMessage()));
    }
    return Optional.empty();
  }

  static CelCompiler compiler(RuleSpec rule) {
    Map<String, StructType> types = new LinkedHashMap<>();
    for (String variable : rule.each().variables()) {
      types.put(variable, variable.equals("params") ? paramsType(rule)
          : structType(variable, Schema.fields(variable)));
    }
    CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setTypeProvider(provider(types.values()))
        .setResultType(SimpleType.BOOL);
    // History and node_metric() read a Restate snapshot, which the sample scope has not.
    if (rule.each() != Scope.SAMPLE) {
      b.addFunctionDeclarations(historyFunctions());
    }
    types.forEach(b::addVar);
    return b.build();
  }

  static String typeName(String variable) {
    return "lookout." + variable;
  }

  private static StructType structType(String variable, Map<String, Field> fields) {
    Map<String, CelType> byName = new LinkedHashMap<>();
    fields.forEach((name, f) -> byName.put(name, f.type()));
    return StructType.create(typeName(variable), ImmutableSet.copyOf(byName.keySet()),
        name -> Optional.ofNullable(byName.get(name)));
  }

  private static StructType paramsType(RuleSpec rule) {
    Map<String, CelType> byName = new LinkedHashMap<>();
    for (Param p : rule.params()) {
      Object v = ExprCompiler.paramValue(rule, p);
      byName.put(p.name(), v instanceof Long ? SimpleType.INT : v instanceof Double
          ? SimpleType.DOUBLE : v instanceof Boolean ? SimpleType.BOOL : SimpleType.STRING);
    }
    return StructType.create(typeName("params"), ImmutableSet.copyOf(byName.keySet()),
        name -> Optional.ofNullable(byName.get(name)));
  }

  private static CelTypeProvider provider(Iterable<StructType> types) {
    List<CelType> all = new ArrayList<>();
    types.forEach(all::add);
    return new CelTypeProvider() {
      @Override
      public ImmutableList<CelType> types() {
        return ImmutableList.copyOf(all);
      }

      @Override
      public Optional<CelType> findType(String name) {
        return all.stream().filter(t -> t.name().equals(name)).findFirst();
      }
    };
  }

  /** {@code delta(x, "5m")}, {@code rate(x, "5m")} and {@code node_metric("name")}. */
  static List<CelFunctionDecl> historyFunctions() {
    CelType i = SimpleType.INT;
    CelType d = SimpleType.DOUBLE;
    CelType s = SimpleType.STRING;
    return List.of(
        CelFunctionDecl.newFunctionDeclaration("delta",
            CelOverloadDecl.newGlobalOverload("delta_int", i, i, s),
            CelOverloadDecl.newGlobalOverload("delta_double", d, d, s)),
        CelFunctionDecl.newFunctionDeclaration("rate",
            CelOverloadDecl.newGlobalOverload("rate_int", d, i, s),
            CelOverloadDecl.newGlobalOverload("rate_double", d, d, s)),
        CelFunctionDecl.newFunctionDeclaration("node_metric",
            CelOverloadDecl.newGlobalOverload("node_metric_string", d, s)));
  }
}
