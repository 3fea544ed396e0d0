package dev.lookout.source.restate.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes as a query answer: reading the stream and every value of every column either works
 * or ends in ArrowFormatException; nothing else escapes, nothing hangs. A column that reads
 * gives one value per row, of the Java type its Arrow type promises. Seeds are recorded
 * Restate answers and the generated fixtures, in ArrowStreamFuzzTestInputs/readEverything.
 */
@Tag("fuzz")
class ArrowStreamFuzzTest {

    @FuzzTest
    @Timeout(10)
    void readEverything(byte[] input) {
        ArrowTable table;
        try {
            table = ArrowStreamReader.read(ByteBuffer.wrap(input));
        } catch (ArrowFormatException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
            return;
        }
        for (String name : table.columnNames()) {
            readColumn(table, name);
        }
    }

    private static void readColumn(ArrowTable table, String name) {
        ArrowColumn column;
        try {
            column = table.column(name);
        } catch (ArrowFormatException expected) {
            return;
        }
        assertEquals(table.rowCount(), column.rowCount(), name);
        for (int row = 0; row < column.rowCount(); row++) {
            Object value = column.value(row);
            assertEquals(column.isNull(row), value == null, name + " row " + row);
            if (value != null) {
                assertTrue(fits(column.type(), value), name + " row " + row + ": " + value.getClass());
            }
        }
    }

    private static boolean fits(ArrowType type, Object value) {
        switch (type) {
            case BOOL: return value instanceof Boolean;
            case UTF8: case LARGE_UTF8: return value instanceof String;
            case LIST_UTF8: return value instanceof java.util.List;
            case TIMESTAMP: return value instanceof java.time.Instant;
            case UINT64: return value instanceof Long || value instanceof java.math.BigInteger;
            case NULL: return false;
            default: return value instanceof Long;
        }
    }
}
