package dev.lookout.model;

/**
 * A failure while reading a target, kept as a value so one broken call never breaks a tick.
 * {@code what} names the call (e.g. "N2 GetIdent", "query partition_state").
 */
public record SourceError(String what, Reason reason, String message) {

  /** Bounded set of causes, usable as a metric label. */
  public enum Reason {
    TIMEOUT,
    UNREACHABLE,
    UNAVAILABLE,
    BAD_RESPONSE,
    /** The TLS handshake failed: an untrusted or expired certificate, or a refused client one. */
    TLS,
    INTERNAL;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
      return label();
    }
  }
}
