package dev.lookout.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.ConfigException;
import dev.lookout.model.Log;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule cannot make the agent loop for ever or run out of memory: loops whose worst case is
 * known to be too long are refused at load with the rule's position; loops over model lists
 * longer than assumed stop at run time and count as evaluation errors, the rule's error metric.
 */
class EvaluationLimitsTest {
  @TempDir Path dir;

  private String loadProblem(String expr) throws Exception {
    String yaml = "groups:\n  - name: g\n    rules:\n      - alert: Loop\n        each: log\n"
        + "        expr: '" + expr + "'\n        labels: {severity: info}\n"
        + "        annotations: {runbook_url: \"{{ $runbook_base }}/Loop.md\"}\n";
    Path file = Files.writeString(dir.resolve("rules.yaml"), yaml);
    ConfigException e = assertThrows(ConfigException.class,
        () -> RuleSet.load(List.of(file), "https://rb"));
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.getMessage().replace(file.toString(), "rules.yaml");
  }

  private static String range(int n) {
    return IntStream.range(0, n).mapToObj(Integer::toString)
        .collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void nestedLoopsOverLongLiteralsAreRefusedAtLoad() throws Exception {
    String expr = range(100) + ".all(a, " + range(100) + ".all(b, " + range(100)
        + ".exists(c, a + b + c < 0)))";
    String message = loadProblem(expr);
    assertEquals("rules.yaml:6:311: alert Loop: this expression may take up to 1010100 steps"
        + " per entity (nested all()/exists() over lists multiply); at most 100000 are allowed"
        + " (loop over fewer or shorter lists)", message);
  }

  @Test
  void nestedLoopsOverModelListsAreEstimatedAndRefused() throws Exception {
    // Three loops over a node set, assumed 100 long: 100 * (1 + 100 * (1 + 100)) steps.
    String message = loadProblem("log.nodeset.all(a, log.nodeset.all(b, log.nodeset.all(c, a == b)))");
    assertTrue(message.startsWith("rules.yaml:6:31: alert Loop: this expression may take up to"
        + " 1010100 steps per entity"), message);
    // Two are fine: 10,100 steps.
    Fixtures.rule(dir, "log", "log.nodeset.all(a, log.nodeset.exists(b, a == b))", "");
  }

  @Test
  void listBuildingMacrosAreRefusedAtLoad() throws Exception {
    assertTrue(loadProblem("size(log.nodeset.map(a, a)) > 0")
        .contains("only all(), exists() and exists_one() over lists are supported"));
    assertTrue(loadProblem("size(log.nodeset.filter(a, a > 0)) > 0")
        .contains("only all(), exists() and exists_one() over lists are supported"));
  }

  @Test
  void loopsOverLongerModelListsStopAsOneErrorPerEntity() {
    CompiledRule rule = Fixtures.rule(dir, "log",
        "log.nodeset.all(a, log.nodeset.all(b, a + b >= 0))", "");
    List<Integer> wide = IntStream.range(0, 1000).boxed().toList();
    Evaluation e = new RuleEvaluator().evaluate(rule, withNodesets(List.of(1, 2, 3), wide));
    assertEquals(2, e.rows());
    assertEquals(List.of("0"), e.matches().stream().map(m -> m.labels().get("log")).toList());
    assertEquals(1, e.unknown(), "the wide log is undecided");
    assertEquals(1, e.errors(), "and counted once as an error");
  }

  @Test
  void matchesRunsInLinearTimeOnHostileText() {
    CompiledRule rule = Fixtures.rule(dir, "sample", "sample.labels[\"v\"].matches(\"^(a+)+$\")", "");
    String hostile = "a".repeat(50_000) + "b";
    List<Sample> samples = List.of(new Sample("m", Map.of("v", hostile), 1),
        new Sample("m", Map.of("v", "aaa"), 1));
    Evaluation e = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> new RuleEvaluator().evaluate(rule, samples, "t"));
    assertEquals(1, e.matches().size());
    assertEquals(0, e.errors());
  }

  @Test
  void backtrackingOnlyPatternsAreRefusedAtLoad() throws Exception {
    assertTrue(loadProblem("log.sequencer.matches(\"(a)\\\\1\")").contains("bad regular expression"));
  }

  private static RestateSnapshot withNodesets(List<Integer> first, List<Integer> second) {
    RestateSnapshot base = Fixtures.cluster(1_000, 1000);
    List<Log> logs = List.of(new Log(0, 100L, 1000L, false, 1, "N1", "{node: 2}", first, 0),
        new Log(1, 100L, 1000L, false, 1, "N1", "{node: 2}", second, 0));
    return new RestateSnapshot("t", 1_000, "N1", base.nodes(), logs, base.partitions(),
        base.replicas(), base.config(), base.samples(), List.of(), List.of());
  }
}
