package dev.lookout.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.model.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules of the {@code sample} scope, over the samples of any target (here: a JVM's MBeans). */
class SampleScopeTest {
  private static final Map<String, String> MEMORY =
      Map.of("type", "Memory", "mbean", "java.lang:type=Memory");
  private static final List<Sample> JVM = List.of(
      new Sample("java_lang_Memory_HeapMemoryUsage_max", MEMORY, 8000),
      new Sample("java_lang_Memory_HeapMemoryUsage_used", MEMORY, 5000),
      new Sample("kafka_server_ReplicaManager_UnderReplicatedPartitions_Value",
          Map.of("type", "ReplicaManager", "name", "UnderReplicatedPartitions",
              "mbean", "kafka.server:name=UnderReplicatedPartitions,type=ReplicaManager"), 2));

  @TempDir Path dir;
  private final RuleEvaluator evaluator = new RuleEvaluator();

  private Evaluation run(String expr, String params) {
    CompiledRule rule = Fixtures.rule(dir, "sample", expr, params.isEmpty() ? ""
        : "        params: {" + params + "}\n");
    return evaluator.evaluate(rule, JVM, "kafka");
  }

  @Test
  void heapRuleFiresOnTheMatchingSampleWithItsLabels() {
    Evaluation e = run("sample.name == \"java_lang_Memory_HeapMemoryUsage_used\""
        + " && sample.value > params.max_heap", "max_heap: 4096");
    assertEquals(List.of(Map.of("alertname", "Test", "severity", "info", "target", "kafka",
        "type", "Memory", "mbean", "java.lang:type=Memory")),
        e.matches().stream().map(Match::labels).toList());
    assertEquals(3, e.rows());
    assertEquals(List.of(), run("sample.name == \"java_lang_Memory_HeapMemoryUsage_used\""
        + " && sample.value > params.max_heap", "max_heap: 6000.5").matches());
  }

  @Test
  void labelsAreAMapAndAnAbsentLabelIsUnknownNotEmpty() {
    assertEquals(2, run("sample.labels[\"type\"] == \"Memory\"", "").matches().size());
    assertEquals(1, run("\"name\" in sample.labels && sample.value >= 2.0", "").matches().size());
    Evaluation absent = run("sample.labels[\"name\"] == \"UnderReplicatedPartitions\"", "");
    assertEquals(1, absent.matches().size());
    assertEquals(2, absent.unknown());
    assertEquals(0, absent.errors());
    assertEquals(1, run("sample.target == \"kafka\" && sample.value < 3.0", "").matches().size());
  }

  @Test
  void scopesDoNotCross() {
    CompiledRule node = Fixtures.rule(dir, "node", "node.id > 0", "");
    Evaluation overSamples = evaluator.evaluate(node, JVM, "kafka");
    assertEquals(0, overSamples.rows());
    assertEquals(List.of(), overSamples.matches());
    // A sample rule given a Restate snapshot reads that snapshot's samples, not its entities.
    CompiledRule sample = Fixtures.rule(dir, "sample",
        "sample.name == \"restate_partition_blocked_flare\" && sample.value == 1.0", "");
    Evaluation overSnapshot = evaluator.evaluate(sample, Fixtures.cluster(0, 1000));
    assertEquals(2, overSnapshot.rows());
    assertEquals(List.of(Map.of("alertname", "Test", "severity", "info", "target", "t",
        "node", "N2", "partition", "0", "reason", "snapshot-unavailable")),
        overSnapshot.matches().stream().map(Match::labels).toList());
  }

  @Test
  void templatesReadTheSampleAndAnyOfItsLabels() throws Exception {
    Path file = dir.resolve("heap.yaml");
    Files.writeString(file, "groups:\n  - name: jvm\n    rules:\n      - alert: HeapHigh\n"
        + "        each: sample\n        expr: sample.value > 4000.0\n"
        + "        labels: {severity: warning, type: heap}\n"
        + "        annotations:\n"
        + "          summary: \"{{ $labels.mbean }} on {{ $labels.target }}: {{ sample.name }}"
        + " = {{ sample.value }} ({{ $value }})\"\n"
        + "          runbook_url: \"{{ $runbook_base }}/heap.md\"\n");
    CompiledRule rule = RuleSet.load(List.of(file), "https://rb").rules().get(0);
    List<Match> m = evaluator.evaluate(rule, JVM, "kafka").matches();
    assertEquals(2, m.size());
    assertEquals("java.lang:type=Memory on kafka: java_lang_Memory_HeapMemoryUsage_max = 8000"
        + " (8000)", m.get(0).annotations().get("summary"));
    // The rule's own label wins over the sample's label of the same name.
    assertEquals("heap", m.get(0).labels().get("type"));
  }
}
