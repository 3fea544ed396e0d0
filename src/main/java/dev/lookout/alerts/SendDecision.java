package dev.lookout.alerts;

/** Why an alert is, or is not, sent to Alertmanager at this evaluation. */
public enum SendDecision {
  /** Pending alerts are never sent. */
  PENDING(false),
  /** Resolved since it was last sent: tell Alertmanager at once. */
  RESOLVED_SINCE_SENT(true),
  /** Firing (or resolved) and never sent. */
  NEVER_SENT(true),
  /** Sent at least the resend delay ago: refresh it before its endsAt runs out. */
  RESEND_DUE(true),
  /** Sent less than the resend delay ago. */
  SENT_RECENTLY(false);

  private final boolean send;

  SendDecision(boolean send) {
    this.send = send;
  }

  public boolean send() {
    return send;
  }
}
