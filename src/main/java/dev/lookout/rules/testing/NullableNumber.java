package dev.lookout.rules.testing;

/**
 * A number in a test file that may be written as {@code null} on purpose, to say "the agent could
 * not read it". A field left out stays a Java null and takes its healthy default; a field written
 * as {@code null} holds {@link #NULL}. Jackson cannot tell the two apart for a plain {@code Long}.
 */
record NullableNumber(Long value) {
  static final NullableNumber NULL = new NullableNumber(null);

  /** The value written, {@code fallback} when the field was left out. */
  static Long orDefault(NullableNumber given, Long fallback) {
    return given == null ? fallback : given.value();
  }

  /** As {@link #orDefault}, for fields the model keeps as an int. */
  static Integer intOrDefault(NullableNumber given, Integer fallback) {
    Long v = orDefault(given, fallback == null ? null : fallback.longValue());
    return v == null ? null : Math.toIntExact(v);
  }
}
