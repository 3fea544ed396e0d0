package dev.lookout.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The alerts of one rule and their lifecycle, as Prometheus' alerting rule runs it: a match is
 * pending until it has lasted {@code for}, then fires; a firing alert that stops matching is held
 * for {@code keep_firing_for}, then resolved; a resolved alert is kept {@link #RESOLVED_RETENTION}
 * so the resolution can be re-sent if Alertmanager missed it, then forgotten.
 *
 * <p>Not thread-safe: one evaluation tick owns it, and evaluation, sending and saving happen in
 * that tick in turn. Time is always passed in.
 */
public final class AlertRuleState {
  /** As Prometheus' {@code resolvedRetention}. */
  public static final Duration RESOLVED_RETENTION = Duration.ofMinutes(15);

  private final String ruleName;
  private final Duration forDuration;
  private final Duration keepFiringFor;
  // Keyed by the alert's labels; insertion order keeps output stable from one tick to the next.
  private Map<Map<String, String>, Alert> alerts = new LinkedHashMap<>();

  public AlertRuleState(String ruleName, Duration forDuration, Duration keepFiringFor) {
    this.ruleName = Objects.requireNonNull(ruleName, "ruleName");
    this.forDuration = requireNotNegative(forDuration, "for");
    this.keepFiringFor = requireNotNegative(keepFiringFor, "keep_firing_for");
    if (ruleName.isEmpty()) {
      throw new IllegalArgumentException("rule name must not be empty");
    }
  }

  public String ruleName() {
    return ruleName;
  }

  /** The alerts held now: pending, firing and retained resolved ones. */
  public List<Alert> alerts() {
    return List.copyOf(alerts.values());
  }

  /**
   * Applies one evaluation's matches at {@code now}. Candidates are identified by their labels
   * plus {@code alertname} = the rule name (which overrides any alertname they carry).
   */
  public Evaluation evaluate(List<Candidate> matches, Instant now) {
    List<Map<String, String>> duplicates = new ArrayList<>();
    Map<Map<String, String>, Candidate> byLabels = identify(matches, duplicates);
    List<Evaluation.Outcome> outcomes = new ArrayList<>();
    Map<Map<String, String>, Alert> next = new LinkedHashMap<>();
    for (Alert held : alerts.values()) {
      Candidate match = byLabels.remove(held.labels());
      outcomes.add(match == null ? unmatched(held, now) : matched(held, match, now));
    }
    byLabels.forEach((labels, match) -> outcomes.add(start(labels, match, now)));
    for (Evaluation.Outcome outcome : outcomes) {
      if (outcome.transition().kept()) {
        next.put(outcome.alert().labels(), outcome.alert());
      }
    }
    alerts = next;
    return new Evaluation(outcomes, duplicates);
  }

  /** Whether {@code alert} should be pushed to Alertmanager now; see {@link SendDecision}. */
  public boolean needsSending(Alert alert, Instant now, Duration resendDelay) {
    return alert.sendDecision(now, resendDelay).send();
  }

  /**
   * Records that the alert with these labels was handed to the notifier at {@code now} with
   * endsAt {@code validUntil}. Empty if the rule no longer holds it (it expired meanwhile).
   */
  public Optional<Alert> markSent(Map<String, String> labels, Instant now, Instant validUntil) {
    Alert held = alerts.get(labels);
    if (held == null) {
      return Optional.empty();
    }
    Alert sent = held.sent(now, validUntil);
    alerts.put(sent.labels(), sent);
    return Optional.of(sent);
  }

  /**
   * Replaces the held alerts with ones saved before a restart, before the first evaluation. Their
   * instants are kept as they were, so a pending alert fires at its original activeAt + for, a
   * firing one is not sent again before its resend delay, and a resolved one keeps its
   * retention. Alerts of another rule are a programmer error.
   */
  public void restore(List<Alert> saved) {
    Map<Map<String, String>, Alert> restored = new LinkedHashMap<>();
    for (Alert alert : saved) {
      if (!alert.alertname().equals(ruleName)) {
        throw new IllegalArgumentException(
            "rule " + ruleName + " cannot restore an alert of " + alert.alertname());
      }
      restored.putIfAbsent(alert.labels(), alert);
    }
    alerts = restored;
  }

  private Map<Map<String, String>, Candidate> identify(List<Candidate> matches,
      List<Map<String, String>> duplicates) {
    Map<Map<String, String>, Candidate> byLabels = new LinkedHashMap<>();
    for (Candidate match : matches) {
      SortedMap<String, String> labels = new TreeMap<>(match.labels());
      labels.put(Alert.ALERTNAME, ruleName);
      if (byLabels.putIfAbsent(labels, match) != null) {
        duplicates.add(Collections.unmodifiableSortedMap(labels));
      }
    }
    return byLabels;
  }

  // A new match, or a resolved alert matching again, which starts over with a new activeAt.
  private Evaluation.Outcome start(Map<String, String> labels, Candidate match, Instant now) {
    Alert alert = Alert.pending(labels, match.annotations(), now);
    return holdOrFire(alert, Transition.NEW_PENDING, now);
  }

  private Evaluation.Outcome matched(Alert held, Candidate match, Instant now) {
    Alert seen = held.seen(match.annotations(), now);
    return switch (held.state()) {
      case RESOLVED -> start(held.labels(), match, now);
      case PENDING -> holdOrFire(seen, Transition.STILL_PENDING, now);
      case FIRING -> outcome(seen, Transition.STILL_FIRING);
    };
  }

  // The for-check runs in the same evaluation that creates the alert, so for = 0 fires at once.
  private Evaluation.Outcome holdOrFire(Alert pending, Transition ifHeld, Instant now) {
    if (Duration.between(pending.activeAt(), now).compareTo(forDuration) >= 0) {
      return outcome(pending.fired(now), Transition.FIRED);
    }
    return outcome(pending, ifHeld);
  }

  private Evaluation.Outcome unmatched(Alert held, Instant now) {
    return switch (held.state()) {
      case PENDING -> outcome(held, Transition.PENDING_DROPPED);
      case FIRING -> stopMatching(held, now);
      case RESOLVED -> retainOrExpire(held, now);
    };
  }

  // Measured from the last match, so keep_firing_for = 0 resolves at the first miss.
  private Evaluation.Outcome stopMatching(Alert firing, Instant now) {
    if (Duration.between(firing.lastSeenAt(), now).compareTo(keepFiringFor) < 0) {
      return outcome(firing, Transition.KEPT_FIRING);
    }
    return outcome(firing.resolved(now), Transition.RESOLVED);
  }

  // Strictly longer than the retention, as Prometheus: at exactly 15 minutes it is still kept.
  private static Evaluation.Outcome retainOrExpire(Alert resolved, Instant now) {
    if (Duration.between(resolved.resolvedAt(), now).compareTo(RESOLVED_RETENTION) > 0) {
      return outcome(resolved, Transition.EXPIRED);
    }
    return outcome(resolved, Transition.STILL_RESOLVED);
  }

  private static Evaluation.Outcome outcome(Alert alert, Transition transition) {
    return new Evaluation.Outcome(alert, transition);
  }

  private static Duration requireNotNegative(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, got " + d);
    }
    return d;
  }
}
