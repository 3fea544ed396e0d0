package dev.lookout.source.nats;

/** An answer that is not what the endpoint documents: not JSON, or a field of the wrong type. */
final class BadResponse extends Exception {
  BadResponse(String message) {
    super(message);
  }
}
