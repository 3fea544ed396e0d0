package dev.lookout.source.restate.arrow;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.flatbuf.TimeUnit;

/**
 * One column across all record batches of an {@link ArrowTable}, indexed by table row.
 * Values are read from the stream bytes on each call; nothing is decoded ahead.
 *
 * <p>Asking for a value the column's type cannot give ({@link #string} of an integer column) or a
 * primitive value of a null row is a programming error: {@link IllegalStateException}. Check
 * {@link #type()} (or use {@link ArrowTable#column(String, ArrowType...)}) and {@link #isNull} first.
 * Immutable (but for look-up hints and caches, only ever checked) and safe to share between threads.
 */
public final class ArrowColumn {
    private final FieldSpec field;
    private final ByteBuffer buf;
    private final ColumnChunk[] chunks;
    /** starts[b] is the table row of batch b's first row; starts[chunks.length] is the row count. */
    private final int[] starts;
    /** The batch of the last row looked up (rows are mostly read in order); only a hint, checked before use. */
    private int lastBatch;
    private static final int RECENT_MAX_LENGTH = 32;
    /** Recently decoded short values, by a hash of their bytes; a hit is compared byte by byte. */
    private final String[] recent = new String[64];

    ArrowColumn(FieldSpec field, ByteBuffer buf, ColumnChunk[] chunks, int[] starts) {
        this.field = field;
        this.buf = buf;
        this.chunks = chunks;
        this.starts = starts;
    }

    public String name() {
        return field.name();
    }

    public ArrowType type() {
        return field.type();
    }

    /** The Arrow type as the schema states it, e.g. "Timestamp(NANOSECOND, UTC)", for messages. */
    public String typeDescription() {
        return field.description();
    }

    public int rowCount() {
        return starts[chunks.length];
    }

    public boolean isNull(int row) {
        int batch = batchOf(row);
        return chunks[batch].isNull(buf, row - starts[batch]);
    }

    /** The value of a Utf8 column, null for a null row. */
    public String string(int row) {
        require(type().isString(), "a string");
        int batch = batchOf(row);
        ColumnChunk chunk = chunks[batch];
        int index = row - starts[batch];
        if (chunk.isNull(buf, index)) {
            return null;
        }
        return stringAt(chunk, index, type() == ArrowType.LARGE_UTF8 ? 8 : 4);
    }

    /**
     * The value of an integer column of any width; unsigned values are zero-extended, and a UInt64
     * above {@link Long#MAX_VALUE} comes back as its raw bits (a negative long: compare with
     * {@link Long#compareUnsigned}).
     */
    public long longValue(int row) {
        require(type().isInteger(), "an integer");
        return nonNullRaw(row);
    }

    public boolean bool(int row) {
        require(type() == ArrowType.BOOL, "a boolean");
        int batch = batchOf(row);
        int index = row - starts[batch];
        requireNotNull(chunks[batch], index, row);
        return ColumnChunk.bit(buf, chunks[batch].data(), index);
    }

    /**
     * A timestamp of any unit in epoch milliseconds, rounded down (toward the past). Seconds too
     * large for a long of milliseconds (beyond ±292 million years) saturate: they are not dates.
     */
    public long epochMillis(int row) {
        require(type() == ArrowType.TIMESTAMP, "a timestamp");
        long value = nonNullRaw(row);
        switch (field.timeUnit()) {
            case TimeUnit.SECOND: return saturatedMillis(value);
            case TimeUnit.MICROSECOND: return Math.floorDiv(value, 1_000L);
            case TimeUnit.NANOSECOND: return Math.floorDiv(value, 1_000_000L);
            default: return value;
        }
    }

    /** The elements of a List&lt;Utf8&gt; row (elements may be null), or null for a null row. */
    public List<String> stringList(int row) {
        require(type() == ArrowType.LIST_UTF8, "a list of strings");
        int batch = batchOf(row);
        ColumnChunk chunk = chunks[batch];
        int index = row - starts[batch];
        if (chunk.isNull(buf, index)) {
            return null;
        }
        int from = buf.getInt(chunk.offsets() + 4 * index);
        int to = buf.getInt(chunk.offsets() + 4 * index + 4);
        String[] items = new String[to - from];
        for (int i = from; i < to; i++) {
            items[i - from] = chunk.child().isNull(buf, i) ? null : stringAt(chunk.child(), i, 4);
        }
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    /**
     * The value as a plain Java object, for JSON and debugging: null, Boolean, Long (every integer
     * type; UInt64 above Long.MAX_VALUE as BigInteger), String, Instant (full precision), or
     * List&lt;String&gt;. Never throws for a valid row index.
     */
    public Object value(int row) {
        if (isNull(row)) {
            return null;
        }
        switch (type()) {
            case BOOL: return bool(row);
            case UTF8: case LARGE_UTF8: return string(row);
            case LIST_UTF8: return stringList(row);
            case TIMESTAMP: return instant(nonNullRaw(row));
            case UINT64:
                long bits = longValue(row);
                return bits >= 0 ? (Object) bits : new BigInteger(Long.toUnsignedString(bits));
            default: return longValue(row);
        }
    }

    @Override
    public String toString() {
        return "ArrowColumn[" + name() + ": " + typeDescription() + ", " + rowCount() + " rows]";
    }

    private static long saturatedMillis(long seconds) {
        long millis = seconds * 1000L;
        if (millis / 1000L != seconds) {
            return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return millis;
    }

    /** Seconds beyond Instant's range (only garbage has them) are clamped, so debug output never throws. */
    private Instant instant(long value) {
        switch (field.timeUnit()) {
            case TimeUnit.SECOND:
                return Instant.ofEpochSecond(Math.max(Instant.MIN.getEpochSecond(),
                        Math.min(Instant.MAX.getEpochSecond(), value)));
            case TimeUnit.MILLISECOND: return Instant.ofEpochMilli(value);
            case TimeUnit.MICROSECOND:
                return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000);
            default:
                return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        }
    }

    /** The fixed-width value of a non-null row, widened to a long (sign- or zero-extended). */
    private long nonNullRaw(int row) {
        int batch = batchOf(row);
        int index = row - starts[batch];
        requireNotNull(chunks[batch], index, row);
        int at = chunks[batch].data() + index * type().byteWidth();
        switch (type()) {
            case INT8: return buf.get(at);
            case UINT8: return buf.get(at) & 0xFFL;
            case INT16: return buf.getShort(at);
            case UINT16: return buf.getShort(at) & 0xFFFFL;
            case INT32: return buf.getInt(at);
            case UINT32: return buf.getInt(at) & 0xFFFF_FFFFL;
            default: return buf.getLong(at);
        }
    }

    private String stringAt(ColumnChunk chunk, int index, int width) {
        int at = chunk.offsets() + width * index;
        int from = width == 4 ? buf.getInt(at) : (int) buf.getLong(at);
        int to = width == 4 ? buf.getInt(at + 4) : (int) buf.getLong(at + 8);
        int start = chunk.data() + from;
        if (buf.hasArray()) {
            return decode(buf.array(), buf.arrayOffset() + start, to - from);
        }
        byte[] bytes = new byte[to - from];
        buf.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * A value's text; short ASCII values (modes, states, node ids: the same few fill most rows)
     * come from a small cache of recent ones instead of a new String each row.
     */
    private String decode(byte[] bytes, int at, int length) {
        if (length > RECENT_MAX_LENGTH) {
            return new String(bytes, at, length, StandardCharsets.UTF_8);
        }
        int hash = length;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + bytes[at + i];
        }
        int slot = (hash ^ (hash >>> 8)) & (recent.length - 1);
        String hit = recent[slot];
        if (hit != null && sameAscii(hit, bytes, at, length)) {
            return hit;
        }
        String value = new String(bytes, at, length, StandardCharsets.UTF_8);
        recent[slot] = value;
        return value;
    }

    private static boolean sameAscii(String s, byte[] bytes, int at, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[at + i] < 0 || s.charAt(i) != bytes[at + i]) {
                return false;
            }
        }
        return true;
    }

    /** The batch holding table row {@code row}: the last batch starting at or before it (skips empty ones). */
    private int batchOf(int row) {
        Objects.checkIndex(row, rowCount());
        int hint = lastBatch;
        if (starts[hint] <= row && row < starts[hint + 1]) {
            return hint;
        }
        int low = 0;
        int high = chunks.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= row) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        lastBatch = low;
        return low;
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("column '" + name() + "' is " + typeDescription() + ", not " + what);
        }
    }

    private void requireNotNull(ColumnChunk chunk, int index, int row) {
        if (chunk.isNull(buf, index)) {
            throw new IllegalStateException("column '" + name() + "' is null in row " + row);
        }
    }
}
