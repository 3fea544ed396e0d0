package dev.lookout.alerts;

/**
 * What one evaluation did to one alert, so the caller can log it and count it as a metric label.
 */
public enum Transition {
  /** A new match (or a resolved alert matching again) now waits for {@code for}. */
  NEW_PENDING(true),
  /** Still matching, {@code for} not yet over. */
  STILL_PENDING(true),
  /** Pending long enough (or {@code for} is zero): now firing. */
  FIRED(true),
  /** Firing and still matching. */
  STILL_FIRING(true),
  /** Firing without a match, held by {@code keep_firing_for}. */
  KEPT_FIRING(true),
  /** Firing stopped; kept for re-sending the resolution. */
  RESOLVED(true),
  /** Resolved and within the retention period. */
  STILL_RESOLVED(true),
  /** Pending lost its match before {@code for} was over; it was never sent, so it is forgotten. */
  PENDING_DROPPED(false),
  /** Resolved longer than the retention period: forgotten. */
  EXPIRED(false);

  private final boolean kept;

  Transition(boolean kept) {
    this.kept = kept;
  }

  /** Whether the rule still holds the alert after this transition. */
  public boolean kept() {
    return kept;
  }
}
