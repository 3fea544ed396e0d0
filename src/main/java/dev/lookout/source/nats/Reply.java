package dev.lookout.source.nats;

import dev.lookout.model.SourceError;

/**
 * One endpoint's answer: an HTTP status and body, or no answer at all ({@code failure} set,
 * status 0). Bodies are kept as text: the monitoring port sometimes answers plain text.
 */
record Reply(int status, String body, Failure failure) {

  enum Failure {
    TIMEOUT("no answer before the deadline", SourceError.Reason.TIMEOUT),
    UNREACHABLE("connection refused or closed", SourceError.Reason.UNREACHABLE),
    TLS("TLS handshake failed (does the target's tls.ca_file hold the CA of the server's "
        + "certificate, and does the server accept the client certificate?)", SourceError.Reason.TLS);

    final String message;
    final SourceError.Reason reason;

    Failure(String message, SourceError.Reason reason) {
      this.message = message;
      this.reason = reason;
    }
  }

  static Reply of(int status, String body) {
    return new Reply(status, body == null ? "" : body, null);
  }

  static Reply failed(Failure failure) {
    return new Reply(0, "", failure);
  }

  boolean answered() {
    return failure == null;
  }

  boolean ok() {
    return failure == null && status == 200;
  }

  boolean notFound() {
    return failure == null && status == 404;
  }

  /** The start of the body for error messages, bounded. */
  String excerpt() {
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() <= 80 ? flat : flat.substring(0, 80) + "...";
  }
}
