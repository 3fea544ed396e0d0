package dev.lookout.source.restate.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded stream is read in full; where an {@code X.expected.json} sits beside
 * {@code X.arrows}, every value must match it. The format of that file is described in
 * generate.mjs: integers and timestamps (epoch millis) as decimal strings.
 */
class RecordedStreamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> streams() {
        return Fixtures.streams();
    }

    @ParameterizedTest
    @MethodSource("streams")
    void everyValueOfEverySupportedColumnReads(Path file) throws Exception {
        ArrowTable table = ArrowStreamReader.read(ByteBuffer.wrap(Files.readAllBytes(file)));
        for (String name : table.columnNames()) {
            ArrowColumn column;
            try {
                column = table.column(name);
            } catch (ArrowFormatException unsupported) {
                assertTrue(unsupported.getMessage().contains("not supported"), unsupported.getMessage());
                continue;
            }
            for (int row = 0; row < table.rowCount(); row++) {
                assertEquals(column.value(row) == null, column.isNull(row), name + " row " + row);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("streams")
    void matchesExpectedJson(Path file) throws Exception {
        Path expectedFile = file.resolveSibling(file.getFileName().toString().replace(".arrows", ".expected.json"));
        if (!Files.exists(expectedFile)) {
            return; // a raw recording: the test above still reads it
        }
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        ArrowTable table = ArrowStreamReader.read(ByteBuffer.wrap(Files.readAllBytes(file)));
        List<String> names = new ArrayList<>();
        expected.get("columns").forEach(c -> names.add(c.get("name").asText()));
        assertEquals(names, table.columnNames());
        for (JsonNode c : expected.get("columns")) {
            checkType(table, c.get("name").asText(), c.get("type").asText());
        }
        List<Map<String, Object>> expectedRows = new ArrayList<>();
        expected.get("rows").forEach(r -> expectedRows.add(plainRow(r)));
        assertEquals(expectedRows, actualRows(table, expected.get("columns")));
    }

    private static void checkType(ArrowTable table, String name, String type) throws ArrowFormatException {
        if (type.equals("UNSUPPORTED")) {
            ArrowFormatException e = assertThrows(ArrowFormatException.class, () -> table.column(name));
            assertTrue(e.getMessage().startsWith("column '" + name + "' has type "), e.getMessage());
            assertTrue(table.hasColumn(name));
        } else {
            assertEquals(ArrowType.valueOf(type), table.column(name).type(), name);
        }
    }

    private static List<Map<String, Object>> actualRows(ArrowTable table, JsonNode columns)
            throws ArrowFormatException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (JsonNode c : columns) {
                if (!c.get("type").asText().equals("UNSUPPORTED")) {
                    ArrowColumn column = table.column(c.get("name").asText());
                    values.put(column.name(), render(column, row));
                }
            }
            rows.add(values);
        }
        return rows;
    }

    /** The expected file's form: numbers as decimal strings, timestamps as epoch millis. */
    private static Object render(ArrowColumn column, int row) {
        if (column.isNull(row)) {
            return null;
        }
        if (column.type() == ArrowType.TIMESTAMP) {
            return Long.toString(column.epochMillis(row));
        }
        Object value = column.value(row);
        return value instanceof Number ? value.toString() : value;
    }

    private static Map<String, Object> plainRow(JsonNode row) {
        Map<String, Object> values = new LinkedHashMap<>();
        row.fields().forEachRemaining(e -> values.put(e.getKey(), plain(e.getValue())));
        return values;
    }

    private static Object plain(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(plain(item)));
            return items;
        }
        return node.asText();
    }
}
