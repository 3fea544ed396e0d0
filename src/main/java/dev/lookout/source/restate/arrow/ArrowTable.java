package dev.lookout.source.restate.arrow;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one Arrow IPC stream: all record batches behind one row index. A column's buffers
 * are located and checked the first time it is requested, so a column of an unsupported type
 * fails only the caller who asks for it. Safe to share between threads once built.
 */
public final class ArrowTable {
    private final ByteBuffer buf;
    private final SchemaLayout schema;
    private final List<BatchSpec> batches;
    private final int[] starts;
    private final List<String> names;
    /** Columns built so far; racing builders produce equal, immutable columns, so no lock. */
    private final ArrowColumn[] built;

    ArrowTable(ByteBuffer buf, SchemaLayout schema, List<BatchSpec> batches) throws ArrowFormatException {
        this.buf = buf;
        this.schema = schema;
        this.batches = List.copyOf(batches);
        this.starts = rowStarts(batches);
        List<String> columnNames = new ArrayList<>();
        schema.fields().forEach(f -> columnNames.add(f.name()));
        this.names = List.copyOf(columnNames);
        this.built = new ArrowColumn[names.size()];
    }

    public int rowCount() {
        return starts[starts.length - 1];
    }

    /** Record batches in the stream, empty ones included. */
    public int batchCount() {
        return batches.size();
    }

    /** All column names in schema order, those of unsupported types included. */
    public List<String> columnNames() {
        return names;
    }

    public boolean hasColumn(String name) {
        return schema.indexOf(name) >= 0;
    }

    /**
     * The first column named {@code name}.
     *
     * @throws ArrowFormatException when there is no such column, its type is not supported, or its
     *     buffers do not hold what the batch metadata declares
     */
    public ArrowColumn column(String name) throws ArrowFormatException {
        int index = schema.indexOf(name);
        if (index < 0) {
            throw new ArrowFormatException("no column '" + name + "'; the columns are " + names);
        }
        ArrowColumn column = built[index];
        if (column == null) {
            column = build(index);
            built[index] = column;
        }
        return column;
    }

    /** Like {@link #column(String)}, and fails unless the column has one of the {@code accepted} types. */
    public ArrowColumn column(String name, ArrowType... accepted) throws ArrowFormatException {
        ArrowColumn column = column(name);
        if (!Arrays.asList(accepted).contains(column.type())) {
            throw new ArrowFormatException("column '" + name + "' is " + column.typeDescription()
                    + ", expected one of " + Arrays.toString(accepted));
        }
        return column;
    }

    @Override
    public String toString() {
        return "ArrowTable[" + rowCount() + " rows in " + batches.size() + " batches, columns " + names + "]";
    }

    private ArrowColumn build(int index) throws ArrowFormatException {
        FieldSpec field = schema.fields().get(index);
        if (field.type() == null) {
            throw new ArrowFormatException("column '" + field.name() + "' has type " + field.description()
                    + ", which is not supported (" + field.unsupported() + "); supported: "
                    + Arrays.toString(ArrowType.values()));
        }
        String unreachable = schema.unreachable(index);
        if (unreachable != null) {
            throw new ArrowFormatException("column '" + field.name() + "' cannot be read: " + unreachable);
        }
        ColumnChunk[] chunks = new ColumnChunk[batches.size()];
        for (int b = 0; b < chunks.length; b++) {
            try {
                chunks[b] = new ChunkReader(buf, batches.get(b))
                        .read(field.type(), schema.firstNode()[index], schema.firstBuffer()[index]);
            } catch (ArrowFormatException e) {
                throw new ArrowFormatException("column '" + field.name() + "' in record batch " + b + ": "
                        + e.getMessage(), e);
            }
        }
        return new ArrowColumn(field, buf, chunks, starts);
    }

    /** starts[b] = first table row of batch b; the last entry is the row count. */
    private static int[] rowStarts(List<BatchSpec> batches) throws ArrowFormatException {
        int[] starts = new int[batches.size() + 1];
        long row = 0;
        for (int b = 0; b < batches.size(); b++) {
            starts[b] = (int) row;
            row += batches.get(b).rows();
            if (row > Integer.MAX_VALUE) {
                throw new ArrowFormatException("the record batches hold more than " + Integer.MAX_VALUE + " rows");
            }
        }
        starts[batches.size()] = (int) row;
        return starts;
    }
}
