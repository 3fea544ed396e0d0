package dev.lookout.alerts;

import static dev.lookout.alerts.Times.at;
import static dev.lookout.alerts.Times.duration;
import static dev.lookout.alerts.Times.since;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle as a table, in the manner of promtool's alert tests: a rule's {@code for} and
 * {@code keep_firing_for}, then at each evaluation time the entities that match and the exact
 * outcome for every alert the rule held or found ("entity TRANSITION STATE instants", instants as
 * offsets from the start).
 */
class AlertLifecycleTest {
  record Step(String at, List<String> matches, List<String> expected) {}

  record Scenario(String name, String forDuration, String keepFiringFor, List<Step> steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Step step(String at, String matches, String... expected) {
    List<String> entities = matches.isEmpty() ? List.of() : List.of(matches.split(" "));
    return new Step(at, entities, Arrays.asList(expected));
  }

  static Stream<Scenario> scenarios() {
    return Stream.of(
        new Scenario("for 0 fires at the first match", "0s", "0s", List.of(
            step("0s", "a", "a FIRED FIRING active=0s fired=0s seen=0s"),
            step("1m", "a", "a STILL_FIRING FIRING active=0s fired=0s seen=1m"),
            step("2m", "", "a RESOLVED RESOLVED active=0s fired=0s resolved=2m seen=1m"))),
        new Scenario("for 1m fires exactly at the boundary", "1m", "0s", List.of(
            step("0s", "a", "a NEW_PENDING PENDING active=0s seen=0s"),
            step("30s", "a", "a STILL_PENDING PENDING active=0s seen=30s"),
            step("59s", "a", "a STILL_PENDING PENDING active=0s seen=59s"),
            step("1m", "a", "a FIRED FIRING active=0s fired=1m seen=1m"),
            step("1m30s", "a", "a STILL_FIRING FIRING active=0s fired=1m seen=1m30s"))),
        new Scenario("pending is dropped when the match vanishes", "5m", "0s", List.of(
            step("0s", "a", "a NEW_PENDING PENDING active=0s seen=0s"),
            step("1m", "", "a PENDING_DROPPED PENDING active=0s seen=0s"),
            step("2m", ""),
            step("3m", "a", "a NEW_PENDING PENDING active=3m seen=3m"))),
        new Scenario("keep_firing_for does not hold a pending alert", "1m", "5m", List.of(
            step("0s", "a", "a NEW_PENDING PENDING active=0s seen=0s"),
            step("30s", "", "a PENDING_DROPPED PENDING active=0s seen=0s"))),
        new Scenario("keep_firing_for holds, then resolves", "0s", "2m", List.of(
            step("0s", "a", "a FIRED FIRING active=0s fired=0s seen=0s"),
            step("1m", "", "a KEPT_FIRING FIRING active=0s fired=0s seen=0s"),
            step("1m59s", "", "a KEPT_FIRING FIRING active=0s fired=0s seen=0s"),
            step("2m", "", "a RESOLVED RESOLVED active=0s fired=0s resolved=2m seen=0s"))),
        new Scenario("a match during keep_firing_for restarts the hold", "0s", "2m", List.of(
            step("0s", "a", "a FIRED FIRING active=0s fired=0s seen=0s"),
            step("1m", "", "a KEPT_FIRING FIRING active=0s fired=0s seen=0s"),
            step("2m", "a", "a STILL_FIRING FIRING active=0s fired=0s seen=2m"),
            step("3m", "", "a KEPT_FIRING FIRING active=0s fired=0s seen=2m"),
            step("4m", "", "a RESOLVED RESOLVED active=0s fired=0s resolved=4m seen=2m"))),
        new Scenario("resolved is retained 15 minutes, then dropped", "0s", "0s", List.of(
            step("0s", "a", "a FIRED FIRING active=0s fired=0s seen=0s"),
            step("1m", "", "a RESOLVED RESOLVED active=0s fired=0s resolved=1m seen=0s"),
            step("2m", "", "a STILL_RESOLVED RESOLVED active=0s fired=0s resolved=1m seen=0s"),
            step("16m", "", "a STILL_RESOLVED RESOLVED active=0s fired=0s resolved=1m seen=0s"),
            step("16m1s", "", "a EXPIRED RESOLVED active=0s fired=0s resolved=1m seen=0s"),
            step("17m", ""))),
        new Scenario("resolved then matching again starts over as pending", "1m", "0s", List.of(
            step("0s", "a", "a NEW_PENDING PENDING active=0s seen=0s"),
            step("1m", "a", "a FIRED FIRING active=0s fired=1m seen=1m"),
            step("2m", "", "a RESOLVED RESOLVED active=0s fired=1m resolved=2m seen=1m"),
            step("3m", "a", "a NEW_PENDING PENDING active=3m seen=3m"),
            step("4m", "a", "a FIRED FIRING active=3m fired=4m seen=4m"))),
        new Scenario("resolved then matching again with for 0 fires anew", "0s", "0s", List.of(
            step("0s", "a", "a FIRED FIRING active=0s fired=0s seen=0s"),
            step("1m", "", "a RESOLVED RESOLVED active=0s fired=0s resolved=1m seen=0s"),
            step("2m", "a", "a FIRED FIRING active=2m fired=2m seen=2m"))),
        new Scenario("two entities are two alerts with their own timers", "1m", "0s", List.of(
            step("0s", "a", "a NEW_PENDING PENDING active=0s seen=0s"),
            step("30s", "a b",
                "a STILL_PENDING PENDING active=0s seen=30s",
                "b NEW_PENDING PENDING active=30s seen=30s"),
            step("1m", "b a",
                "a FIRED FIRING active=0s fired=1m seen=1m",
                "b STILL_PENDING PENDING active=30s seen=1m"),
            step("1m30s", "b",
                "a RESOLVED RESOLVED active=0s fired=1m resolved=1m30s seen=1m",
                "b FIRED FIRING active=30s fired=1m30s seen=1m30s"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void lifecycle(Scenario scenario) {
    AlertRuleState rule = new AlertRuleState("NodeDown", duration(scenario.forDuration()),
        duration(scenario.keepFiringFor()));
    for (Step step : scenario.steps()) {
      List<Candidate> matches = step.matches().stream()
          .map(node -> Candidate.of(Map.of("node", node))).toList();
      Evaluation evaluation = rule.evaluate(matches, at(step.at()));
      List<String> actual = evaluation.outcomes().stream().map(AlertLifecycleTest::render).toList();
      assertEquals(step.expected(), actual, "at " + step.at());
      assertEquals(evaluation.alerts(), rule.alerts(), "held alerts at " + step.at());
    }
  }

  static String render(Evaluation.Outcome outcome) {
    Alert a = outcome.alert();
    StringBuilder out = new StringBuilder(a.labels().get("node"))
        .append(' ').append(outcome.transition()).append(' ').append(a.state())
        .append(" active=").append(since(a.activeAt()));
    if (a.firedAt() != null) {
      out.append(" fired=").append(since(a.firedAt()));
    }
    if (a.resolvedAt() != null) {
      out.append(" resolved=").append(since(a.resolvedAt()));
    }
    return out.append(" seen=").append(since(a.lastSeenAt())).toString();
  }
}
