package dev.lookout.alerts;

import static dev.lookout.alerts.Times.at;
import static dev.lookout.alerts.Times.duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AlertRuleStateTest {
  private final AlertRuleState rule =
      new AlertRuleState("NodeDown", Duration.ofMinutes(1), Duration.ZERO);

  @Test
  void labelsAreTheIdentityWithAlertnameAddedAndSorted() {
    Evaluation e = rule.evaluate(List.of(
        Candidate.of(Map.of("node", "a", "zone", "z1")),
        Candidate.of(Map.of("node", "b", "alertname", "Other"))), at("0s"));

    List<Alert> alerts = e.alerts();
    assertEquals(2, alerts.size());
    assertEquals(List.of("alertname", "node", "zone"), List.copyOf(alerts.get(0).labels().keySet()));
    assertEquals(Map.of("alertname", "NodeDown", "node", "b"), alerts.get(1).labels());
  }

  @Test
  void annotationChangeKeepsTheAlertAndItsTimer() {
    rule.evaluate(List.of(new Candidate(Map.of("node", "a"), Map.of("summary", "x"))), at("0s"));
    Evaluation e = rule.evaluate(
        List.of(new Candidate(Map.of("node", "a"), Map.of("summary", "y"))), at("1m"));

    assertEquals(1, e.alerts().size());
    Alert alert = e.alerts().get(0);
    assertEquals(Transition.FIRED, e.outcomes().get(0).transition());
    assertEquals(at("0s"), alert.activeAt());
    assertEquals(Map.of("summary", "y"), alert.annotations());
  }

  @Test
  void duplicateLabelSetsKeepTheFirstAndAreReported() {
    Evaluation e = rule.evaluate(List.of(
        new Candidate(Map.of("node", "a"), Map.of("summary", "first")),
        new Candidate(Map.of("node", "a"), Map.of("summary", "second")),
        new Candidate(Map.of("node", "a", "alertname", "Other"), Map.of()),
        Candidate.of(Map.of("node", "b"))), at("0s"));

    Map<String, String> a = Map.of("alertname", "NodeDown", "node", "a");
    assertEquals(List.of(a, a), e.duplicates());
    assertEquals(2, e.alerts().size());
    assertEquals(Map.of("summary", "first"), e.alerts().get(0).annotations());
    assertEquals(2, e.count(Transition.NEW_PENDING));
  }

  record Send(String name, Alert alert, String now, String resendDelay, SendDecision expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Send> sends() {
    Map<String, String> labels = Map.of("alertname", "NodeDown", "node", "a");
    Alert pending = Alert.pending(labels, Map.of(), at("0s"));
    Alert firing = pending.fired(at("1m"));
    Alert resolved = firing.resolved(at("12m"));
    return Stream.of(
        new Send("pending", pending, "5m", "1m", SendDecision.PENDING),
        new Send("pending, zero delay", pending, "5m", "0s", SendDecision.PENDING),
        new Send("firing, never sent", firing, "1m", "1m", SendDecision.NEVER_SENT),
        new Send("firing, sent within delay", sent(firing, "10m"), "10m59s", "1m",
            SendDecision.SENT_RECENTLY),
        new Send("firing, sent exactly delay ago", sent(firing, "10m"), "11m", "1m",
            SendDecision.RESEND_DUE),
        new Send("firing, sent long ago", sent(firing, "10m"), "15m", "1m",
            SendDecision.RESEND_DUE),
        new Send("firing, zero delay", sent(firing, "10m"), "10m", "0s",
            SendDecision.RESEND_DUE),
        new Send("resolved, never sent", resolved, "12m", "1m", SendDecision.NEVER_SENT),
        new Send("resolved after last send", sent(firing, "11m").resolved(at("12m")), "12m",
            "60m", SendDecision.RESOLVED_SINCE_SENT),
        new Send("resolved, resolution sent within delay", sent(resolved, "12m"), "12m30s", "1m",
            SendDecision.SENT_RECENTLY),
        new Send("resolved, resolution re-sent after delay", sent(resolved, "12m"), "13m", "1m",
            SendDecision.RESEND_DUE));
  }

  private static Alert sent(Alert alert, String when) {
    return alert.sent(at(when), at(when).plus(Duration.ofMinutes(4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sends")
  void needsSending(Send c) {
    Instant now = at(c.now());
    assertEquals(c.expected(), c.alert().sendDecision(now, duration(c.resendDelay())));
    assertEquals(c.expected().send(), rule.needsSending(c.alert(), now, duration(c.resendDelay())));
  }

  @Test
  void markSentRecordsTheSendAndEndsAt() {
    AlertRuleState immediate = new AlertRuleState("NodeDown", Duration.ZERO, Duration.ZERO);
    Alert fired = immediate.evaluate(List.of(Candidate.of(Map.of("node", "a"))), at("0s"))
        .alerts().get(0);

    Optional<Alert> sent = immediate.markSent(
        Map.of("node", "a", "alertname", "NodeDown"), at("0s"), at("4m"));

    assertEquals(at("0s"), sent.orElseThrow().lastSentAt());
    assertEquals(at("4m"), sent.orElseThrow().validUntil());
    assertEquals(List.of(sent.get()), immediate.alerts());
    assertEquals(SendDecision.NEVER_SENT, fired.sendDecision(at("30s"), Duration.ofMinutes(1)));
    assertEquals(SendDecision.SENT_RECENTLY,
        immediate.alerts().get(0).sendDecision(at("30s"), Duration.ofMinutes(1)));
  }

  @Test
  void markSentOfAnAlertNoLongerHeldIsEmpty() {
    assertEquals(Optional.empty(),
        rule.markSent(Map.of("alertname", "NodeDown", "node", "x"), at("0s"), at("4m")));
  }

  @Test
  void restoreRejectsAnotherRulesAlerts() {
    Alert other = Alert.pending(Map.of("alertname", "Other"), Map.of(), at("0s"));
    var e = assertThrows(IllegalArgumentException.class, () -> rule.restore(List.of(other)));
    assertEquals("rule NodeDown cannot restore an alert of Other", e.getMessage());
  }

  @Test
  void negativeDurationsAreRejected() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new AlertRuleState("NodeDown", Duration.ofSeconds(-1), Duration.ZERO));
    assertEquals("for must not be negative, got PT-1S", e.getMessage());
  }

  @Test
  void alertRejectsBrokenLifecycles() {
    Map<String, String> labels = Map.of("alertname", "NodeDown");
    Instant t = at("0s");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Alert(labels, Map.of(),
        AlertState.PENDING, t, t, null, t, null, null)).getMessage()
        .startsWith("a PENDING alert cannot have firedAt="));
    assertEquals("labels have no alertname: {node=a}",
        assertThrows(IllegalArgumentException.class, () -> Alert.pending(Map.of("node", "a"),
            Map.of(), t)).getMessage());
    assertEquals("lastSentAt and validUntil go together, got " + t + " and null",
        assertThrows(IllegalArgumentException.class, () -> new Alert(labels, Map.of(),
            AlertState.FIRING, t, t, null, t, t, null)).getMessage());
  }
}
