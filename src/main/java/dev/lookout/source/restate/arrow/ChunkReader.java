package dev.lookout.source.restate.arrow;

import java.nio.ByteBuffer;

/**
 * Locates and checks one column's buffers in one record batch. Everything a row accessor will
 * later read is bounds-checked here once, including every string and list offset, so the
 * accessors need no checks of their own.
 */
final class ChunkReader {
    private final ByteBuffer buf;
    private final BatchSpec batch;

    ChunkReader(ByteBuffer buf, BatchSpec batch) {
        this.buf = buf;
        this.batch = batch;
    }

    ColumnChunk read(ArrowType type, int node, int buffer) throws ArrowFormatException {
        requireNode(node);
        int length = batch.nodeLength()[node];
        if (type == ArrowType.NULL) {
            return new ColumnChunk(length, true, -1, -1, -1, null);
        }
        int validity = validity(buffer, length, batch.nodeNulls()[node]);
        switch (type) {
            case BOOL:
                return fixed(length, validity, buffer + 1, (length + 7L) / 8);
            case UTF8:
            case LARGE_UTF8:
                int width = type == ArrowType.UTF8 ? 4 : 8;
                int data = buffer + 2;
                requireBuffer(data);
                int offsets = offsets(buffer + 1, length, width, batch.bufferLength()[data]);
                return new ColumnChunk(length, false, validity, offsets, batch.bufferStart()[data], null);
            case LIST_UTF8:
                ColumnChunk items = read(ArrowType.UTF8, node + 1, buffer + 2);
                int listOffsets = offsets(buffer + 1, length, 4, items.length());
                return new ColumnChunk(length, false, validity, listOffsets, -1, items);
            default:
                return fixed(length, validity, buffer + 1, (long) length * type.byteWidth());
        }
    }

    private ColumnChunk fixed(int length, int validity, int buffer, long bytes) throws ArrowFormatException {
        requireBytes(buffer, bytes, "values");
        return new ColumnChunk(length, false, validity, -1, batch.bufferStart()[buffer], null);
    }

    /** Position of the validity bitmap, or -1 when the writer left it out because nothing is null. */
    private int validity(int buffer, int length, int nulls) throws ArrowFormatException {
        requireBuffer(buffer);
        if (batch.bufferLength()[buffer] == 0) {
            if (nulls != 0) {
                throw new ArrowFormatException(nulls + " nulls but no validity bitmap");
            }
            return -1;
        }
        requireBytes(buffer, (length + 7L) / 8, "validity bitmap");
        return batch.bufferStart()[buffer];
    }

    /**
     * Checks an offsets buffer of {@code length + 1} entries: non-negative, non-decreasing and
     * within {@code limit} (bytes of string data, or elements of a list).
     */
    private int offsets(int buffer, int length, int width, long limit) throws ArrowFormatException {
        if (length == 0) {
            requireBuffer(buffer); // a writer may send no offsets at all for zero values
            return batch.bufferStart()[buffer];
        }
        requireBytes(buffer, (length + 1L) * width, "offsets");
        int start = batch.bufferStart()[buffer]; // the buffer lies in the stream, so start + width * i fits an int
        long previous = 0;
        for (int i = 0; i <= length; i++) {
            long offset = width == 4 ? buf.getInt(start + 4 * i) : buf.getLong(start + 8 * i);
            if (offset < previous || offset > limit) {
                throw new ArrowFormatException("offset " + i + " is " + offset + ": offsets must rise from 0 to at most "
                        + limit);
            }
            previous = offset;
        }
        return start;
    }

    private void requireBytes(int buffer, long bytes, String what) throws ArrowFormatException {
        requireBuffer(buffer);
        if (batch.bufferLength()[buffer] < bytes) {
            throw new ArrowFormatException(what + " buffer has " + batch.bufferLength()[buffer] + " bytes, "
                    + bytes + " needed");
        }
    }

    private void requireNode(int node) throws ArrowFormatException {
        if (node >= batch.nodeLength().length) {
            throw new ArrowFormatException("field node " + node + " is missing from the record batch");
        }
    }

    private void requireBuffer(int buffer) throws ArrowFormatException {
        if (buffer >= batch.bufferStart().length) {
            throw new ArrowFormatException("buffer " + buffer + " is missing from the record batch");
        }
    }
}
