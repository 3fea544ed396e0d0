package dev.lookout.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.lookout.model.RestateSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs expressions through CEL's own runtime, with each variable a map that lacks the keys of
 * absent values (so reading one is CEL's "no such key" error, and has() is false), and through
 * the compiled closures; every replica row must give the same true / false / error.
 */
class CelAgreementTest {
  @TempDir Path dir;
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
      .setOptions(CelFrontEnd.OPTIONS).build();

  @ParameterizedTest
  @ValueSource(strings = {
      "replica.appliedLsn < log.trimPoint",
      "replica.lag > 100 || replica.isLeader",
      "!(replica.appliedLsn >= 60) && node.state == \"alive\"",
      "has(replica.appliedLsn) && replica.appliedLsn - 1 > 0",
      "partition.replicaSet.all(n, n != replica.node)",
      "partition.replicaSet.exists(n, n == 2)",
      "partition.replicaSet.exists_one(n, n == replica.node)",
      "replica.node in log.nodeset",
      "replica.replayStatus.startsWith(\"act\") && size(node.roles) > 1",
      "replica.appliedLsn / (replica.durableLsn - replica.durableLsn) == 0",
      "double(replica.lag) / 2.0 > 1.5",
      "replica.effectiveMode == \"Leader\" ? replica.lag == 0 : replica.lag > 10",
      "\"worker\" in node.roles && node.storageState != \"data-loss\"",
      "replica.appliedLsn < log.trimPoint || true",
      "replica.appliedLsn < log.trimPoint && false",
      "false || replica.appliedLsn < log.trimPoint",
      "has(replica.brokenReason) || replica.targetMode.matches(\"^lead\")",
      "int(double(replica.appliedLsn) * 1.5) > 10",
      "replica.trimDistance < params.gap && cluster.partitionReplication == 2",
      "log.failuresTolerable <= 0 || partition.leaderEpoch > 3",
      "9223372036854775807 + replica.appliedLsn > 0",
      "-replica.lag < 0 && replica.lag % 7 != 3",
      "string(replica.node) + \"x\" == \"1x\"",
      "partition.replicas > 2 && partition.activeReplicas == 3 || partition.leaders == 1",
  })
  void closuresAgreeWithCelRuntime(String expr) throws Exception {
    CompiledRule rule = Fixtures.rule(dir, "replica", expr, "        params: {gap: 0}\n");
    CelRuntime.Program program = RUNTIME.createProgram(dynamicAst(expr));
    RestateSnapshot s = Fixtures.cluster(0, 1000);
    SnapshotFacts facts = new SnapshotFacts(s);
    Row r = new Row(rule.slots, rule.sites);
    for (int i = 0; i < s.replicas().size(); i++) {
      r.load(facts, rule.scope(), i);
      String ours = name(rule.root.eval(r));
      assertEquals(cel(program, activation(r)), ours, expr + " on replica row " + i);
    }
  }

  private static String name(int tri) {
    return tri == Fn.TRUE ? "true" : tri == Fn.FALSE ? "false" : "error";
  }

  private static String cel(CelRuntime.Program program, Map<String, Object> vars) {
    try {
      return String.valueOf(program.eval(vars));
    } catch (CelEvaluationException e) {
      return "error";
    }
  }

  private static CelAbstractSyntaxTree dynamicAst(String expr) throws Exception {
    CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(CelFrontEnd.OPTIONS).setStandardMacros(CelStandardMacro.STANDARD_MACROS);
    for (String v : List.of("replica", "partition", "log", "node", "cluster", "params")) {
      b.addVar(v, MapType.create(SimpleType.STRING, SimpleType.DYN));
    }
    return b.build().compile(expr).getAst();
  }

  /** The row as CEL maps, built from the same field readers, with absent values left out. */
  private static Map<String, Object> activation(Row r) {
    Map<String, Object> vars = new HashMap<>();
    Schema.VARIABLES.forEach((name, fields) -> {
      Map<String, Object> values = new HashMap<>();
      fields.forEach((field, f) -> {
        Object v = value(f.read(), r);
        if (v != null) {
          values.put(field, v);
        }
      });
      vars.put(name, values);
    });
    vars.put("params", Map.of("gap", 0L));
    return vars;
  }

  private static Object value(Object read, Row r) {
    Object v;
    if (read instanceof Fn.Int i) {
      long x = i.eval(r);
      v = r.unknown ? null : x;
    } else if (read instanceof Fn.Bool b) {
      int x = b.eval(r);
      v = x == Fn.UNKNOWN ? null : x == Fn.TRUE;
    } else if (read instanceof Fn.Dbl d) {
      double x = d.eval(r);
      v = r.unknown ? null : x;
    } else if (read instanceof Fn.Str s) {
      v = s.eval(r);
    } else if (read instanceof Fn.Labels m) {
      v = m.eval(r);
    } else {
      List<?> l = ((Fn.Lst) read).eval(r);
      v = l == null ? null : widen(l);
    }
    r.unknown = false;
    return v;
  }

  private static List<Object> widen(List<?> list) {
    List<Object> out = new ArrayList<>();
    list.forEach(e -> out.add(e instanceof Integer n ? Long.valueOf(n) : e));
    return out;
  }
}
