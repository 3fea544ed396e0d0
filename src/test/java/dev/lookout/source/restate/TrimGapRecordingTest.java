package dev.lookout.source.restate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lookout.model.Log;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.rules.CompiledRule;
import dev.lookout.rules.Match;
import dev.lookout.rules.RuleEvaluator;
import dev.lookout.rules.RuleSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A trim gap recorded on a real cluster, read back and judged by the shipped rules. */
class TrimGapRecordingTest {
  private static final Object[][] NODES = {
    {1, 1, "127.0.0.1:5122"}, {3, 2, "127.0.0.1:5132"}, {2, 1, "127.0.0.1:5142"}};

  private final FakeRestateCluster cluster = new FakeRestateCluster(Recording.trimGap(), NODES);

  {
    // Only node-2 (N3) served the page with the blocked flare; the others served healthy pages.
    String healthyPage = Recording.healthy().metricsPage;
    cluster.node(1).metricsPage(healthyPage);
    cluster.node(2).metricsPage(healthyPage);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private RestateSnapshot scrape() {
    try (RestateSource source = cluster.source(Duration.ofSeconds(3), 1)) {
      return source.scrape(RestateSourceTest.NOW);
    }
  }

  @Test
  void theTrimPointSurvivesTheTrimmedSegmentLeavingTheChain() {
    RestateSnapshot s = scrape();
    assertEquals(0, Recording.trimGap().describeLogs.get(0).getTrimPoint(), "the server's own answer");
    Log log0 = s.log(0);
    assertEquals(3L, log0.trimPoint());
    assertEquals(List.of(0L, 0L, 0L), List.of(s.log(1).trimPoint(), s.log(2).trimPoint(), s.log(3).trimPoint()));
  }

  @Test
  void theStuckReplicaStartsWithoutAnAppliedLsn() {
    Replica stuck = scrape().replicas().stream()
        .filter(r -> r.partition() == 0 && r.node() == 3).findFirst().orElseThrow();
    assertEquals("starting", stuck.replayStatus());
    assertNull(stuck.appliedLsn());
  }

  @Test
  void theShippedRulesSeeTheGapAndTheRiskOnTheOtherReplica() throws Exception {
    RestateSnapshot s = scrape();
    RuleEvaluator evaluator = new RuleEvaluator();
    Map<String, List<Map<String, String>>> fired = new java.util.TreeMap<>();
    for (CompiledRule rule : RuleSet.load(List.of(Path.of("rules/restate.yaml")), "https://rb").rules()) {
      List<Match> matches = evaluator.evaluate(rule, s).matches();
      if (!matches.isEmpty()) {
        fired.put(rule.alert(), matches.stream().map(Match::labels).toList());
      }
    }
    assertEquals(Map.of(
        "RestateTrimGapNoSnapshotRepository", List.of(Map.of("alertname", "RestateTrimGapNoSnapshotRepository",
            "partition", "0", "node", "N3", "severity", "critical")),
        "RestateTrimGapAhead", List.of(Map.of("alertname", "RestateTrimGapAhead",
            "partition", "0", "node", "N1", "severity", "warning")),
        "RestateLogTrimmedWithoutSnapshots", List.of(Map.of("alertname", "RestateLogTrimmedWithoutSnapshots",
            "log", "0", "severity", "warning")),
        "RestatePartitionUnderReplicated", List.of(Map.of("alertname", "RestatePartitionUnderReplicated",
            "partition", "0", "severity", "warning"))), fired);
  }
}
