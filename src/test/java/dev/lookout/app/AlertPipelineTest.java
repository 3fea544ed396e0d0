package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import dev.lookout.alerts.AlertStore;
import dev.lookout.model.ClusterConfig;
import dev.lookout.model.Liveness;
import dev.lookout.model.Node;
import dev.lookout.model.Probe;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.StorageState;
import dev.lookout.output.metrics.AlertGauges;
import dev.lookout.output.metrics.RuleMetrics;
import dev.lookout.output.metrics.StateMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert state outlives the agent: a restart neither loses a pending timer nor re-pages. */
class AlertPipelineTest {
  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
  private static final String RULES = """
      groups:
        - name: nodes
          rules:
            - alert: NodeDead
              each: node
              expr: node.state == "dead"
              for: 1m
              labels: {severity: critical}
              annotations:
                runbook_url: "{{ $runbook_base }}/NodeDead.md"
      """;

  @TempDir
  Path dir;
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = now::get;

  private AlertPipeline start() throws Exception {
    Path rules = dir.resolve("rules.yaml");
    if (!Files.exists(rules)) {
      Files.writeString(rules, RULES);
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AlertPipeline p = new AlertPipeline(new RuleLoader(List.of(rules), "https://rb"),
        new AlertStore(dir.resolve("state")), new RuleMetrics(registry), new StateMetrics(registry),
        new AlertGauges(registry), clock);
    p.start();
    return p;
  }

  private void evaluateAt(AlertPipeline p, long seconds) {
    now.set(T0.plusSeconds(seconds));
    Node dead = new Node(2, 1, "node-2", "", List.of("worker"), Liveness.DEAD, StorageState.READ_WRITE,
        "active", "member", "1.7.12", Probe.UNREACHABLE, -1);
    RestateSnapshot s = new RestateSnapshot("restate", now.get().toEpochMilli(), "n1", List.of(dead),
        List.of(), List.of(), List.of(), ClusterConfig.UNKNOWN, List.of(), List.of(), List.of());
    p.evaluate(List.of(new Alerting.RestateView("restate", s)));
  }

  private static Alert only(AlertPipeline p) {
    assertEquals(1, p.alerts().size(), () -> "alerts: " + p.alerts());
    return p.alerts().get(0);
  }

  @Test
  void aPendingTimerKeepsCountingAcrossARestart() throws Exception {
    AlertPipeline first = start();
    evaluateAt(first, 0);
    evaluateAt(first, 30);
    assertEquals(AlertState.PENDING, only(first).state());

    AlertPipeline second = start();
    evaluateAt(second, 60);
    Alert alert = only(second);
    assertEquals(AlertState.FIRING, alert.state(), "fires at the original activeAt + for");
    assertEquals(T0, alert.activeAt());
  }

  @Test
  void aFiringAlertKeepsItsStartAfterARestart() throws Exception {
    AlertPipeline first = start();
    evaluateAt(first, 0);
    evaluateAt(first, 60);
    Alert before = only(first);

    AlertPipeline second = start();
    evaluateAt(second, 120);
    Alert after = only(second);
    assertEquals(AlertState.FIRING, after.state());
    assertEquals(before.activeAt(), after.activeAt());
    assertEquals(before.firedAt(), after.firedAt());
    assertTrue(after.firedAt().isBefore(T0.plusSeconds(120)), "not re-fired as new");
  }

  @Test
  void aFiringCriticalAlertFailsTheHealthVerdictAndShowsInTheRulesApi() throws Exception {
    AlertPipeline p = start();
    evaluateAt(p, 0);
    assertTrue(p.criticalCheck().ok(), "pending is not yet a failing verdict");
    evaluateAt(p, 60);
    assertEquals(false, p.criticalCheck().ok());
    assertTrue(p.criticalCheck().detail().startsWith("NodeDead{"), p.criticalCheck().detail());
    var rule = p.rules().get(0);
    assertEquals("NodeDead", rule.name());
    assertEquals("node.state == \"dead\"", rule.query());
    assertEquals(60, rule.durationSeconds());
    assertEquals(AlertState.FIRING, rule.alerts().get(0).state());
  }

  @Test
  void aBrokenRuleEditKeepsTheLastGoodRules() throws Exception {
    AlertPipeline p = start();
    evaluateAt(p, 0);
    Files.writeString(dir.resolve("rules.yaml"), RULES.replace("each: node", "each: nodes"));
    String problems = p.reload();
    // The exact message, with the list of scopes, is the rule format's tests' business.
    assertTrue(problems.contains("rules.yaml:5:15: unknown scope \"nodes\" for groups[0].rules[0].each"),
        problems);
    evaluateAt(p, 60);
    assertEquals(AlertState.FIRING, only(p).state());
  }
}
