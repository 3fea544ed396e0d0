package dev.lookout.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One alert instance of one rule. Its labels are its identity (they include {@code alertname});
 * annotations are not and follow the latest match. The instants record the lifecycle:
 * {@code activeAt} when it started pending, {@code firedAt} when it started firing (kept once
 * resolved), {@code resolvedAt} when it stopped firing, {@code lastSeenAt} the last evaluation that
 * matched, {@code lastSentAt} and {@code validUntil} the last push to Alertmanager and the endsAt
 * it carried. Values that break the lifecycle (a pending alert with a fired-at, a send time without
 * an endsAt) are rejected, which also guards what is read back from disk.
 */
public record Alert(Map<String, String> labels, Map<String, String> annotations, AlertState state,
    Instant activeAt, Instant firedAt, Instant resolvedAt, Instant lastSeenAt, Instant lastSentAt,
    Instant validUntil) {
  public static final String ALERTNAME = "alertname";

  public Alert {
    labels = sortedCopy(labels, "labels");
    annotations = sortedCopy(annotations, "annotations");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(activeAt, "activeAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    String name = labels.get(ALERTNAME);
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("labels have no alertname: " + labels);
    }
    requireLifecycle(state, firedAt, resolvedAt);
    if (firedAt != null && firedAt.isBefore(activeAt)) {
      throw new IllegalArgumentException("firedAt " + firedAt + " is before activeAt " + activeAt);
    }
    if ((lastSentAt == null) != (validUntil == null)) {
      throw new IllegalArgumentException(
          "lastSentAt and validUntil go together, got " + lastSentAt + " and " + validUntil);
    }
  }

  /** A new match: pending from {@code now}, never sent. */
  public static Alert pending(Map<String, String> labels, Map<String, String> annotations,
      Instant now) {
    return new Alert(labels, annotations, AlertState.PENDING, now, null, null, now, null, null);
  }

  public String alertname() {
    return labels.get(ALERTNAME);
  }

  /** The same alert matched again at {@code now}, with the annotations of this match. */
  Alert seen(Map<String, String> newAnnotations, Instant now) {
    return new Alert(labels, newAnnotations, state, activeAt, firedAt, resolvedAt, now, lastSentAt,
        validUntil);
  }

  Alert fired(Instant now) {
    return new Alert(labels, annotations, AlertState.FIRING, activeAt, now, null, lastSeenAt,
        lastSentAt, validUntil);
  }

  Alert resolved(Instant now) {
    return new Alert(labels, annotations, AlertState.RESOLVED, activeAt, firedAt, now, lastSeenAt,
        lastSentAt, validUntil);
  }

  Alert sent(Instant now, Instant endsAt) {
    return new Alert(labels, annotations, state, activeAt, firedAt, resolvedAt, lastSeenAt, now,
        Objects.requireNonNull(endsAt, "validUntil"));
  }

  /**
   * Whether to push this alert to Alertmanager now, and why. A resolution is sent as soon as it
   * happens; otherwise the alert is refreshed every {@code resendDelay} so its endsAt never runs
   * out while it still fires.
   */
  public SendDecision sendDecision(Instant now, Duration resendDelay) {
    if (state == AlertState.PENDING) {
      return SendDecision.PENDING;
    }
    if (lastSentAt == null) {
      return SendDecision.NEVER_SENT;
    }
    if (resolvedAt != null && resolvedAt.isAfter(lastSentAt)) {
      return SendDecision.RESOLVED_SINCE_SENT;
    }
    return lastSentAt.plus(resendDelay).isAfter(now)
        ? SendDecision.SENT_RECENTLY
        : SendDecision.RESEND_DUE;
  }

  private static void requireLifecycle(AlertState state, Instant firedAt, Instant resolvedAt) {
    boolean ok = switch (state) {
      case PENDING -> firedAt == null && resolvedAt == null;
      case FIRING -> firedAt != null && resolvedAt == null;
      case RESOLVED -> firedAt != null && resolvedAt != null && !resolvedAt.isBefore(firedAt);
    };
    if (!ok) {
      throw new IllegalArgumentException("a " + state + " alert cannot have firedAt=" + firedAt
          + " and resolvedAt=" + resolvedAt);
    }
  }

  private static SortedMap<String, String> sortedCopy(Map<String, String> map, String what) {
    Objects.requireNonNull(map, what);
    SortedMap<String, String> copy = new TreeMap<>();
    map.forEach((k, v) -> {
      if (k == null || v == null) {
        throw new IllegalArgumentException(what + " cannot hold null: " + k + "=" + v);
      }
      copy.put(k, v);
    });
    return Collections.unmodifiableSortedMap(copy);
  }
}
