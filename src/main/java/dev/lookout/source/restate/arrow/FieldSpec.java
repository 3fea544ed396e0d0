package dev.lookout.source.restate.arrow;

/**
 * One top-level schema field as this reader sees it.
 *
 * @param type null when the field's type is not decoded; {@code unsupported} then says why
 * @param description the Arrow type as written in error messages, e.g. "Timestamp(NANOSECOND, UTC)"
 * @param timeUnit the flatbuf {@code TimeUnit} of a timestamp, else 0
 * @param nodes field nodes this field's subtree takes in a record batch, -1 when unknown
 * @param buffers buffers this field's subtree takes in a record batch, -1 when unknown
 */
record FieldSpec(
        String name,
        ArrowType type,
        String description,
        short timeUnit,
        String unsupported,
        int nodes,
        int buffers) {

    boolean layoutKnown() {
        return nodes >= 0 && buffers >= 0;
    }
}
