package dev.lookout.output.notify;

import java.util.Locale;

/** What became of alerts meant for a receiver: the {@code result} label of the counter. */
enum Result {
  /** Accepted by the receiver. */
  SENT,
  /** In a request that failed and will be retried; counted per attempt. */
  FAILED,
  /** Never delivered: pushed out of a full queue, given up after retries, or left at shutdown. */
  DROPPED,
  /** Refused with a status that retrying cannot fix (4xx); not sent again. */
  REJECTED;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
