package dev.lookout.source.prometheus;

/**
 * A line that does not follow the text format. Thrown and caught inside one parse only; it
 * carries no stack trace because a broken exporter can make it frequent.
 */
final class Malformed extends Exception {
  private static final long serialVersionUID = 1L;

  Malformed(String reason) {
    super(reason, null, false, false);
  }
}
