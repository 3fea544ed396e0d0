package dev.lookout.source.restate.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.arrow.flatbuf.MessageHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Garbage must end in ArrowFormatException: never another exception, a hang or a huge allocation. */
class MalformedStreamTest {

    static Iterable<Path> streams() {
        return Fixtures.streams();
    }

    @ParameterizedTest
    @MethodSource("streams")
    void truncatedAtEveryByteFails(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        for (int length = 0; length < bytes.length; length++) {
            ByteBuffer truncated = ByteBuffer.wrap(bytes, 0, length);
            assertThrows(ArrowFormatException.class, () -> ArrowStreamReader.read(truncated), "length " + length);
        }
    }

    @ParameterizedTest
    @MethodSource("streams")
    void everyFlippedByteReadsOrFailsCleanly(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= (byte) 0xFF;
            readEverything(copy, "byte " + i + " flipped");
        }
    }

    @Test
    void randomOverwritesReadOrFailCleanly() {
        byte[] bytes = Fixtures.bytes("all_types.arrows");
        Random random = new Random(42);
        for (int round = 0; round < 3000; round++) {
            byte[] copy = bytes.clone();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            readEverything(copy, "round " + round);
        }
    }

    /** Reads the stream and every value of every column; only ArrowFormatException may escape. */
    private static void readEverything(byte[] bytes, String what) {
        try {
            ArrowTable table = ArrowStreamReader.read(ByteBuffer.wrap(bytes));
            for (String name : table.columnNames()) {
                readColumn(table, name);
            }
        } catch (ArrowFormatException expected) {
            // the point of the test
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(what + ": " + e, e);
        }
    }

    private static void readColumn(ArrowTable table, String name) {
        try {
            ArrowColumn column = table.column(name);
            for (int row = 0; row < column.rowCount(); row++) {
                column.value(row);
            }
        } catch (ArrowFormatException expected) {
            // an unreadable column; the others must still be tried
        }
    }

    @Test
    void wrongMagicIsNamed() {
        byte[] bytes = Fixtures.bytes("all_types.arrows");
        bytes[0] = 'A';
        assertMessage(ByteBuffer.wrap(bytes), "expected continuation marker 0xFFFFFFFF at byte 0, found 0x");
        assertMessage(ByteBuffer.wrap("ARROW1\0\0garbage!".getBytes()), "expected continuation marker");
    }

    @Test
    void hugeDeclaredMetadataLength() {
        ByteBuffer bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).putInt(Integer.MAX_VALUE);
        assertMessage(bytes.clear(), "declares 2147483647 bytes of metadata, but only 8 remain");
        bytes.putInt(4, -5);
        assertMessage(bytes.clear(), "declares -5 bytes of metadata");
    }

    @Test
    void emptyAndSchemaless() {
        assertMessage(ByteBuffer.allocate(0), "stream truncated at byte 0");
        assertMessage(ByteBuffer.wrap(CraftedStream.END), "stream ended before its schema message");
    }

    @Test
    void bytesAfterTheEndMarker() {
        ByteBuffer stream = new CraftedStream().add(CraftedStream.schemaMessage()).add(CraftedStream.END)
                .add(new byte[8]).buffer();
        assertMessage(stream, "8 bytes follow the end-of-stream marker");
    }

    @Test
    void craftedValidBatchReads() throws Exception {
        ArrowTable table = withBatch(b -> { });
        assertEquals(7L, table.column("partition_id").longValue(0));
        assertEquals("ab", table.column("plain_node_id").string(0));
    }

    @Test
    void batchMetadataChecks() {
        assertBatchFails(b -> b.bodyLength = Long.MAX_VALUE, "declares a body of 9223372036854775807 bytes");
        assertBatchFails(b -> b.buffers[1] = new long[] {20, 8}, "buffer 1 (offset 20, length 8) lies outside");
        assertBatchFails(b -> b.buffers[1] = new long[] {-8, 4}, "buffer 1 (offset -8, length 4) lies outside");
        assertBatchFails(b -> b.nodes[0] = new long[] {1, 2}, "field node 0 has 2 nulls but only 1 values");
        assertBatchFails(b -> b.length = 1L << 40, "record batch length is out of range: 1099511627776");
        assertBatchFails(b -> b.nodes = new long[][] {{1, 0}}, "record batch has 1 field nodes and 5 buffers");
        assertBatchFails(b -> b.nodes[1] = new long[] {3, 0}, "column 'plain_node_id' has 3 values in a record batch of 1 rows");
        assertBatchFails(b -> b.compressed = true, "compressed record batch bodies are not supported");
        assertBatchFails(b -> b.headerType = MessageHeader.DictionaryBatch, "dictionaries are not supported");
    }

    @Test
    void recordBatchBeforeSchema() {
        ByteBuffer stream = new CraftedStream().add(CraftedStream.validBatch()).add(CraftedStream.END).buffer();
        assertMessage(stream, "message 0 at byte 0 is a record batch before the schema");
    }

    @Test
    void badBuffersFailOnlyTheirColumn() throws Exception {
        assertColumnFails(b -> b.nodes[0] = new long[] {1, 1}, "partition_id",
                "column 'partition_id' in record batch 0: 1 nulls but no validity bitmap");
        assertColumnFails(b -> b.buffers[1] = new long[] {0, 2}, "partition_id",
                "column 'partition_id' in record batch 0: values buffer has 2 bytes, 4 needed");
        assertColumnFails(b -> ByteBuffer.wrap(b.body).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 9), "plain_node_id",
                "column 'plain_node_id' in record batch 0: offset 1 is 9: offsets must rise from 0 to at most 2");
        assertColumnFails(b -> ByteBuffer.wrap(b.body).order(ByteOrder.LITTLE_ENDIAN).putInt(8, -1), "plain_node_id",
                "offset 0 is -1");
    }

    private static ArrowTable withBatch(Consumer<CraftedStream.Batch> change) throws ArrowFormatException {
        CraftedStream.Batch batch = CraftedStream.validBatch();
        change.accept(batch);
        return ArrowStreamReader.read(new CraftedStream().add(CraftedStream.schemaMessage()).add(batch)
                .add(CraftedStream.END).buffer());
    }

    private static void assertBatchFails(Consumer<CraftedStream.Batch> change, String expected) {
        ArrowFormatException e = assertThrows(ArrowFormatException.class, () -> withBatch(change));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static void assertColumnFails(Consumer<CraftedStream.Batch> change, String column, String expected)
            throws ArrowFormatException {
        ArrowTable table = withBatch(change);
        ArrowFormatException e = assertThrows(ArrowFormatException.class, () -> table.column(column));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        String other = column.equals("partition_id") ? "plain_node_id" : "partition_id";
        assertEquals(1, table.column(other).rowCount());
    }

    private static void assertMessage(ByteBuffer stream, String expected) {
        ArrowFormatException e = assertThrows(ArrowFormatException.class, () -> ArrowStreamReader.read(stream));
        assertTrue(e.getMessage().contains(expected), () -> e.getMessage() + " lacks " + expected
                + " in " + Arrays.toString(Arrays.copyOf(stream.array(), Math.min(16, stream.capacity()))));
    }
}
