package dev.lookout.output.notify;

import java.io.IOException;

/** What one POST of a batch came to, and a short detail for the log. */
record Attempt(Outcome outcome, String detail) {
  private static final int MAX_BODY = 512;

  enum Outcome {
    /** 2xx: delivered. */
    ACCEPTED(false),
    /** No reply: refused, reset, or out of time. The receiver may be back soon. */
    UNREACHABLE(true),
    /** 5xx: the receiver is in trouble, not the request. */
    SERVER_ERROR(true),
    /** 408 or 429: the receiver asks us to come back later. */
    THROTTLED(true),
    /** Any other status: the request itself is wrong, and sending it again will not help. */
    REJECTED(false);

    private final boolean retry;

    Outcome(boolean retry) {
      this.retry = retry;
    }

    boolean retry() {
      return retry;
    }
  }

  static Attempt of(Transport.Reply reply) {
    int status = reply.status();
    String detail = "HTTP " + status + ": " + truncate(reply.body());
    if (status >= 200 && status < 300) {
      return new Attempt(Outcome.ACCEPTED, "HTTP " + status);
    }
    if (status >= 500) {
      return new Attempt(Outcome.SERVER_ERROR, detail);
    }
    if (status == 408 || status == 429) {
      return new Attempt(Outcome.THROTTLED, detail);
    }
    return new Attempt(Outcome.REJECTED, detail);
  }

  static Attempt unreachable(IOException e) {
    String message = e.getMessage();
    return new Attempt(Outcome.UNREACHABLE,
        e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }

  private static String truncate(String body) {
    String line = body.strip().replace('\n', ' ');
    return line.length() <= MAX_BODY ? line : line.substring(0, MAX_BODY) + "...";
  }
}
