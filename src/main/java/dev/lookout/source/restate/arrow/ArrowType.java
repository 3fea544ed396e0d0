package dev.lookout.source.restate.arrow;

/** The column types this reader decodes; anything else is refused when the column is requested. */
public enum ArrowType {
    /** Arrow's Null type: every row is null. */
    NULL(0),
    BOOL(0),
    INT8(1),
    INT16(2),
    INT32(4),
    INT64(8),
    UINT8(1),
    UINT16(2),
    UINT32(4),
    /** Restate's LSNs. {@link ArrowColumn#longValue} returns the raw bits. */
    UINT64(8),
    UTF8(0),
    /** Utf8 with 64-bit offsets; read like {@link #UTF8}. */
    LARGE_UTF8(0),
    /** Any unit, with or without a time zone; the zone does not change the stored instant. */
    TIMESTAMP(8),
    /** A List whose elements are Utf8. */
    LIST_UTF8(0);

    private final int byteWidth;

    ArrowType(int byteWidth) {
        this.byteWidth = byteWidth;
    }

    public boolean isInteger() {
        return ordinal() >= INT8.ordinal() && ordinal() <= UINT64.ordinal();
    }

    public boolean isString() {
        return this == UTF8 || this == LARGE_UTF8;
    }

    /** Bytes per value in the data buffer of fixed-width types; 0 for the others. */
    int byteWidth() {
        return byteWidth;
    }
}
