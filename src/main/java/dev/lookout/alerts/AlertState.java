package dev.lookout.alerts;

/**
 * Where one alert is in its lifecycle. Prometheus calls RESOLVED "inactive"; we name it for what
 * Alertmanager is told about it.
 */
public enum AlertState {
  /** Matching, but not yet for the rule's {@code for}; never sent. */
  PENDING,
  /** Matching (or held by {@code keep_firing_for}) for at least {@code for}; sent. */
  FIRING,
  /** Was firing and stopped; kept a while so the resolution reaches Alertmanager. */
  RESOLVED
}
