package dev.lookout.source.restate;

import dev.lookout.model.SourceError;
import dev.lookout.model.SourceError.Reason;
import dev.lookout.source.restate.arrow.ArrowFormatException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns a failed call into an error value with a reason usable as a metric label. */
final class Failures {
  private Failures() {}

  static SourceError of(String what, Throwable t) {
    Throwable cause = unwrap(t);
    SSLException tls = tlsFailure(cause);
    if (tls != null) {
      // gRPC's OpenSSL engine says only "General OpenSslEngine problem"; the cause says what.
      Throwable detail = tls.getCause() != null ? tls.getCause() : tls;
      return new SourceError(what, Reason.TLS, "TLS handshake failed: " + detail.getMessage()
          + " (does the target's tls.ca_file hold the CA of the node's certificate, and does"
          + " the node accept the client certificate?)");
    }
    return new SourceError(what, reason(cause), message(cause));
  }

  /** The TLS failure behind a failed call, however deep gRPC or the HTTP client wrapped it. */
  private static SSLException tlsFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SSLException ssl) {
        return ssl;
      }
    }
    return null;
  }

  static Reason reason(Throwable t) {
    if (tlsFailure(t) != null) {
      return Reason.TLS;
    }
    if (t instanceof StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.DEADLINE_EXCEEDED) {
        return Reason.TIMEOUT;
      }
      return code == Status.Code.UNAVAILABLE ? Reason.UNREACHABLE : Reason.UNAVAILABLE;
    }
    if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
      return Reason.TIMEOUT;
    }
    if (t instanceof ConnectException || t instanceof ClosedChannelException) {
      return Reason.UNREACHABLE;
    }
    if (t instanceof ArrowFormatException || t instanceof BadResponseException) {
      return Reason.BAD_RESPONSE;
    }
    return Reason.INTERNAL;
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String message(Throwable t) {
    String text = t.getMessage();
    return t.getClass().getSimpleName() + (text == null ? "" : ": " + text);
  }

  /** A target answered something we cannot use (wrong status, wrong shape). */
  static final class BadResponseException extends Exception {
    BadResponseException(String message) {
      super(message);
    }
  }
}
