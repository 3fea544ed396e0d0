package dev.lookout.rules;

import static dev.lookout.rules.Fixtures.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.model.RestateSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
  @TempDir Path dir;
  private final RuleEvaluator evaluator = new RuleEvaluator();

  /** Evaluates the rule on the earlier snapshots first, in order, as the agent does each tick. */
  private Evaluation run(String each, String expr, RestateSnapshot now, RestateSnapshot... before) {
    CompiledRule rule = Fixtures.rule(dir, each, expr, "");
    RuleEvaluator fresh = new RuleEvaluator();
    for (RestateSnapshot s : before) {
      fresh.evaluate(rule, s);
    }
    return fresh.evaluate(rule, now);
  }

  private String fired(String each, String expr) {
    return run(each, expr, cluster(1_000, 1000)).matches().stream()
        .map(m -> m.labels().entrySet().stream().filter(e -> !e.getKey().equals("alertname")
            && !e.getKey().equals("severity")).map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(",")))
        .collect(Collectors.joining(" "));
  }

  @Test
  void eachScopeMatchesWithIdentityLabels() {
    assertEquals("node=N3", fired("node", "node.storageState == \"data-loss\""));
    assertEquals("log=0", fired("log", "log.trimPoint > 0 && size(log.nodeset) == 3"));
    assertEquals("partition=1", fired("partition", "partition.replicas < cluster.partitionReplication || !has(partition.leaderNode)"));
    assertEquals("node=N2,partition=0", fired("replica", "replica.appliedLsn < log.trimPoint"));
    assertEquals("", fired("cluster", "cluster.readWriteLogServers < cluster.logReplication"));
    assertEquals("", fired("cluster", "cluster.snapshotsEverywhere"));
    assertEquals("node=N1,partition=0", fired("replica",
        "replica.isLeader && partition.leaderNode == replica.node && node.name == \"node-1\""));
  }

  @Test
  void absentValuesNeverFireAndNeverThrow() {
    // N3's applied LSN is null, log 1's trim point is null, N9 is not a known node.
    Evaluation e = run("replica", "replica.appliedLsn < log.trimPoint || node.uptimeSeconds < 0",
        cluster(1_000, 1000));
    assertEquals(List.of("0/N2"), e.matches().stream()
        .map(m -> m.labels().get("partition") + "/" + m.labels().get("node")).toList());
    assertEquals(3, e.unknown());
    assertEquals(0, e.errors());
    assertEquals("", fired("replica", "!(replica.appliedLsn >= 0)"));
    assertEquals("node=N3,partition=0", fired("replica", "!has(replica.appliedLsn)"));
    assertEquals("node=N9,partition=1", fired("replica", "!has(node.name)"));
  }

  @Test
  void errorsOnPresentValuesAreCountedNotThrown() {
    Evaluation e = run("log", "log.tailLsn / (log.segments - 1) > 0", cluster(1_000, 1000));
    assertEquals(0, e.matches().size());
    assertEquals(2, e.errors());
  }

  @Test
  void deltaAndRateCompareWithTheSameEntityAWindowAgo() {
    RestateSnapshot[] history = {cluster(0, 1000), cluster(60_000, 1600)};
    RestateSnapshot now = cluster(120_000, 2200);
    assertEquals(List.of("1"), labels(run("partition",
        "delta(log.tailLsn, \"2m\") == 1200 && partition.id == 1", now, history), "partition"));
    assertEquals(List.of("N1", "N1"), labels(run("replica",
        "rate(replica.appliedLsn, \"1m\") == 10.0", now, history), "node"));
    // N2 stays at 50 (and N9 at 7): no change over the window, the stuck-replica signal.
    assertEquals(List.of("N2", "N9"), labels(run("replica",
        "delta(replica.appliedLsn, \"2m\") == 0", now, history), "node"));
    // Nothing 10m old, and no history at all: unknown, never fires.
    assertEquals(5, run("replica", "delta(replica.appliedLsn, \"10m\") == 0", now, history)
        .unknown());
    assertEquals(5, run("replica", "delta(replica.appliedLsn, \"1m\") >= 0", now)
        .unknown());
  }

  @Test
  void nodeMetricSumsTheRowsNodeAndPartition() {
    assertEquals("node=N2,partition=0",
        fired("replica", "node_metric(\"restate_partition_blocked_flare\") > 0.0"));
    assertEquals("", fired("replica", "node_metric(\"no_such_metric\") >= 0.0"));
  }

  @Test
  void templatesRenderPlainText() throws Exception {
    String yaml = """
        groups:
          - name: g
            rules:
              - alert: Behind
                each: replica
                expr: replica.appliedLsn < log.trimPoint
                params: {max_lag: 10, why: "<b>&'\\"</b>"}
                labels: {severity: info}
                annotations:
                  summary: "{{ $labels.node }} p{{ $labels.partition }} at {{ $value }} < {{ log.trimPoint }} (max {{ params.max_lag }}, {{ params.why }}, {{ replica.archivedLsn }}, {{ partition.replicaSet }}, {{ node.name }}, {{ $labels.alertname }})"
                  runbook_url: "{{ $runbook_base }}/t.md"
        """;
    Path file = dir.resolve("t.yaml");
    java.nio.file.Files.writeString(file, yaml);
    CompiledRule rule = RuleSet.load(List.of(file), "https://rb").rules().get(0);
    Map<String, String> a = evaluator.evaluate(rule, cluster(0, 1000)).matches().get(0)
        .annotations();
    assertEquals("N2 p0 at 50 < 100 (max 10, <b>&'\"</b>, unknown, [1, 2, 3], node-2, Behind)",
        a.get("summary"));
    assertEquals("https://rb/t.md", a.get("runbook_url"));
  }

  private static List<String> labels(Evaluation e, String label) {
    return e.matches().stream().map(m -> m.labels().get(label)).toList();
  }
}
