package dev.lookout.source.restate.arrow;

import java.nio.ByteBuffer;

/**
 * One column's slice of one record batch, its buffers already checked to hold {@code length}
 * values, so reading any row below {@code length} stays inside the stream.
 *
 * @param validity absolute position of the validity bitmap, -1 when absent (no nulls, or all null)
 * @param allNull every value is null (Arrow's Null type)
 * @param offsets absolute position of the offsets buffer of strings and lists, else -1
 * @param data absolute position of the values (or string bytes), else -1
 * @param child the list elements of a List column, else null
 */
record ColumnChunk(int length, boolean allNull, int validity, int offsets, int data, ColumnChunk child) {

    boolean isNull(ByteBuffer buf, int index) {
        if (validity < 0) {
            return allNull;
        }
        return !bit(buf, validity, index);
    }

    /** Bit {@code index} of a least-significant-bit-first bitmap, as Arrow packs validity and bools. */
    static boolean bit(ByteBuffer buf, int start, int index) {
        return (buf.get(start + (index >>> 3)) & (1 << (index & 7))) != 0;
    }
}
