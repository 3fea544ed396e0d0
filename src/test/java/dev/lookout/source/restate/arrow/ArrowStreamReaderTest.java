package dev.lookout.source.restate.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-picked values from the generated fixtures, for what the JSON comparison cannot show. */
class ArrowStreamReaderTest {

    private static ArrowTable allTypes() throws ArrowFormatException {
        return ArrowStreamReader.read(ByteBuffer.wrap(Fixtures.bytes("all_types.arrows")));
    }

    @Test
    void rowsSpanBatchesIncludingAnEmptyOne() throws Exception {
        ArrowTable table = allTypes();
        assertEquals(5, table.rowCount());
        assertEquals(3, table.batchCount());
        ArrowColumn name = table.column("name");
        assertEquals(Arrays.asList("p-0", null, "", "ünïcødé ✓", "last"),
                Arrays.asList(name.string(0), name.string(1), name.string(2), name.string(3), name.string(4)));
        assertThrows(IndexOutOfBoundsException.class, () -> name.string(5));
    }

    @Test
    void uint64AboveLongMaxKeepsItsBits() throws Exception {
        ArrowColumn lsn = allTypes().column("applied_lsn");
        assertEquals(ArrowType.UINT64, lsn.type());
        assertEquals(Long.MIN_VALUE, lsn.longValue(1)); // 2^63
        assertEquals(-1L, lsn.longValue(3)); // 2^64 - 1
        assertEquals(new BigInteger("18446744073709551615"), lsn.value(3));
        assertEquals(Long.MAX_VALUE, lsn.value(4));
        assertEquals("Int(64, unsigned)", lsn.typeDescription());
    }

    @Test
    void unsigned32IsZeroExtended() throws Exception {
        ArrowColumn id = allTypes().column("partition_id");
        assertEquals(4_294_967_295L, id.longValue(3));
        assertTrue(id.isNull(2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> id.longValue(2));
        assertEquals("column 'partition_id' is null in row 2", e.getMessage());
    }

    @Test
    void timestampsOfEveryUnitKeepPrecisionInValueAndFloorInMillis() throws Exception {
        ArrowTable table = allTypes();
        assertEquals(Instant.parse("2023-11-14T22:13:20.123456789Z"), table.column("ts_ns").value(0));
        assertEquals(Instant.parse("2023-11-14T22:13:20.123456Z"), table.column("ts_us").value(0));
        assertEquals(-1L, table.column("ts_ns").epochMillis(1)); // -1 ns is before the epoch
        assertEquals(-2L, table.column("ts_us").epochMillis(4)); // -1001 us
        assertEquals(-1000L, table.column("ts_s").epochMillis(2));
        assertEquals("Timestamp(NANOSECOND, Europe/Berlin)", table.column("ts_ns").typeDescription());
        assertEquals("Timestamp(SECOND)", table.column("ts_s").typeDescription());
    }

    @Test
    void boolsAndSignedInts() throws Exception {
        ArrowTable table = allTypes();
        assertTrue(table.column("leader").bool(0));
        assertFalse(table.column("leader").bool(4));
        assertEquals(Integer.MIN_VALUE, table.column("i32").longValue(0));
        assertEquals(-1L, table.column("i64").longValue(4));
    }

    @Test
    void listOfStringsWithNullsAndEmptyLists() throws Exception {
        ArrowColumn tags = allTypes().column("tags", ArrowType.LIST_UTF8);
        assertEquals(List.of("a", "b"), tags.stringList(0));
        assertEquals(List.of(), tags.stringList(1));
        assertNull(tags.stringList(2));
        assertEquals(Arrays.asList(null, "x"), tags.stringList(3));
        assertEquals(List.of("only"), tags.stringList(4));
        assertEquals("List<Utf8>", tags.typeDescription());
    }

    @Test
    void emptyResultHasColumnsAndNoRows() throws Exception {
        ArrowTable table = ArrowStreamReader.read(ByteBuffer.wrap(Fixtures.bytes("empty.arrows")));
        assertEquals(0, table.rowCount());
        assertEquals(0, table.batchCount());
        assertEquals(List.of("partition_id", "plain_node_id"), table.columnNames());
        assertEquals(ArrowType.UINT32, table.column("partition_id").type());
    }

    @Test
    void missingColumnIsNamedWithTheColumnsPresent() throws Exception {
        ArrowTable table = ArrowStreamReader.read(ByteBuffer.wrap(Fixtures.bytes("empty.arrows")));
        assertFalse(table.hasColumn("leader"));
        ArrowFormatException e = assertThrows(ArrowFormatException.class, () -> table.column("leader"));
        assertEquals("no column 'leader'; the columns are [partition_id, plain_node_id]", e.getMessage());
    }

    @Test
    void unsupportedColumnFailsAloneAndNamesItsType() throws Exception {
        ArrowTable table = ArrowStreamReader.read(ByteBuffer.wrap(Fixtures.bytes("unsupported_column.arrows")));
        ArrowFormatException e = assertThrows(ArrowFormatException.class, () -> table.column("ratio"));
        assertTrue(e.getMessage().startsWith("column 'ratio' has type FloatingPoint, which is not supported"),
                e.getMessage());
        assertEquals("a", table.column("before").string(0));
        assertEquals(1L, table.column("after").longValue(0));
    }

    @Test
    void typeCheckedLookupAndWrongAccessor() throws Exception {
        ArrowTable table = allTypes();
        ArrowFormatException e = assertThrows(ArrowFormatException.class,
                () -> table.column("name", ArrowType.UINT64, ArrowType.UINT32));
        assertEquals("column 'name' is Utf8, expected one of [UINT64, UINT32]", e.getMessage());
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> table.column("name").longValue(0));
        assertEquals("column 'name' is Utf8, not an integer", wrong.getMessage());
    }

    @Test
    void allIntegerWidthsAtTheirExtremes() throws Exception {
        ArrowTable table = ArrowStreamReader.read(ByteBuffer.wrap(Fixtures.bytes("int_widths.arrows")));
        assertEquals(-128L, table.column("i8").longValue(0));
        assertEquals(255L, table.column("u8").longValue(2));
        assertEquals(-32768L, table.column("i16").longValue(0));
        assertEquals(65535L, table.column("u16").longValue(2));
        assertEquals(-1L, table.column("u64").longValue(2));
    }

    @Test
    void chunksSplitAnywhereReadLikeTheWhole() throws Exception {
        byte[] bytes = Fixtures.bytes("all_types.arrows");
        for (int cut : new int[] {1, 7, 8, 100, bytes.length / 2, bytes.length - 1}) {
            List<ByteBuffer> chunks = List.of(ByteBuffer.wrap(bytes, 0, cut), ByteBuffer.wrap(bytes, cut, bytes.length - cut));
            ArrowTable table = ArrowStreamReader.read(chunks);
            assertEquals(5, table.rowCount());
            assertEquals("ünïcødé ✓", table.column("name").string(3));
        }
    }

    @Test
    void readsFromTheBufferPositionAndFromDirectBuffers() throws Exception {
        byte[] bytes = Fixtures.bytes("all_types.arrows");
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 5);
        direct.position(5);
        direct.put(bytes).position(5);
        ArrowTable table = ArrowStreamReader.read(direct);
        assertEquals("ünïcødé ✓", table.column("name").string(3));
        assertEquals(List.of("a", "b"), table.column("tags").stringList(0));
        assertEquals(5, direct.position(), "the caller's buffer is not moved");
    }
}
