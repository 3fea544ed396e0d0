package dev.lookout.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Delivery of alerts; with no receivers, alerts are only visible on the agent's own pages. */
public record Alerting(Duration resendInterval, List<Receiver> alertmanagers,
    List<Receiver> webhooks) {
  public static final Alerting DEFAULT = new Alerting(Duration.ofMinutes(1), List.of(), List.of());

  public Alerting {
    Objects.requireNonNull(resendInterval, "resendInterval");
    if (resendInterval.isNegative() || resendInterval.isZero()) {
      throw new IllegalArgumentException("resend interval must be > 0, got " + resendInterval);
    }
    alertmanagers = List.copyOf(alertmanagers);
    webhooks = List.copyOf(webhooks);
  }
}
