package dev.lookout.source.restate.arrow;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Timestamp;
import org.apache.arrow.flatbuf.TimeUnit;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Union;
import org.apache.arrow.flatbuf.UnionMode;

/**
 * Turns the flatbuffer schema into {@link FieldSpec}s. Every field gets a layout (how many nodes
 * and buffers it occupies in a batch), decoded or not, so that one odd column does not hide
 * the columns after it.
 */
final class SchemaReader {
    /** Deeper nesting than this is garbage (or a cycle) rather than a real schema. */
    private static final int MAX_DEPTH = 64;

    private SchemaReader() {}

    static SchemaLayout read(Schema schema, int metadataBytes) throws ArrowFormatException {
        if (schema.endianness() != Endianness.Little) {
            throw new ArrowFormatException("big-endian Arrow streams are not supported");
        }
        int count = schema.fieldsLength();
        checkVectorLength(count, metadataBytes, "schema fields");
        List<FieldSpec> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fields.add(topLevel(schema.fields(i), metadataBytes));
        }
        return SchemaLayout.of(fields);
    }

    /** A vector in a flatbuffer of n bytes holds at most n/4 offsets: larger counts are garbage. */
    static void checkVectorLength(int count, int metadataBytes, String what) throws ArrowFormatException {
        if (count < 0 || count > metadataBytes / 4) {
            throw new ArrowFormatException(
                    what + ": count " + count + " cannot fit in " + metadataBytes + " bytes of metadata");
        }
    }

    private static FieldSpec topLevel(Field field, int metadataBytes) throws ArrowFormatException {
        String name = field.name() == null ? "" : field.name();
        int[] layout = layout(field, metadataBytes, 0);
        String description = describe(field);
        if (field.dictionary() != null) {
            // The batch holds only the integer indices; the values would come in dictionary batches.
            return new FieldSpec(name, null, description, (short) 0, "dictionary-encoded", 1, 2);
        }
        ArrowType type = decodedType(field);
        short unit = type == ArrowType.TIMESTAMP ? timestamp(field).unit() : 0;
        if (unit < TimeUnit.SECOND || unit > TimeUnit.NANOSECOND) {
            type = null;
        }
        String why = type == null ? "not decoded by this reader" : null;
        return new FieldSpec(name, type, description, unit, why, layout[0], layout[1]);
    }

    /** {nodes, buffers} of the field's subtree, -1 each when a part's layout is unknown. */
    private static int[] layout(Field field, int metadataBytes, int depth) throws ArrowFormatException {
        if (depth > MAX_DEPTH) {
            throw new ArrowFormatException("schema nests deeper than " + MAX_DEPTH + " levels");
        }
        int own = ownBuffers(field);
        int nodes = 1;
        int buffers = own;
        int children = field.childrenLength();
        checkVectorLength(children, metadataBytes, "children of field '" + field.name() + "'");
        for (int i = 0; i < children; i++) {
            int[] child = layout(field.children(i), metadataBytes, depth + 1);
            if (child[0] < 0 || buffers < 0) {
                nodes = -1;
                buffers = -1;
            } else {
                nodes += child[0];
                buffers += child[1];
            }
        }
        return buffers < 0 ? new int[] {-1, -1} : new int[] {nodes, buffers};
    }

    /** Buffers of the field's own node, per the Arrow columnar format (V5); -1 if variadic or unknown. */
    private static int ownBuffers(Field field) {
        switch (field.typeType()) {
            case Type.Null:
            case Type.RunEndEncoded:
                return 0;
            case Type.Struct_:
            case Type.FixedSizeList:
                return 1;
            case Type.Int: case Type.FloatingPoint: case Type.Bool: case Type.Decimal:
            case Type.Date: case Type.Time: case Type.Timestamp: case Type.Interval:
            case Type.Duration: case Type.FixedSizeBinary: case Type.List: case Type.LargeList:
            case Type.Map:
                return 2;
            case Type.Utf8: case Type.Binary: case Type.LargeUtf8: case Type.LargeBinary:
            case Type.ListView: case Type.LargeListView:
                return 3;
            case Type.Union:
                Union union = (Union) field.type(new Union());
                return union != null && union.mode() == UnionMode.Sparse ? 1 : 2;
            default:
                return -1; // the views' buffer counts vary per batch; unknown type codes are unknown
        }
    }

    private static ArrowType decodedType(Field field) {
        switch (field.typeType()) {
            case Type.Null: return ArrowType.NULL;
            case Type.Bool: return ArrowType.BOOL;
            case Type.Utf8: return ArrowType.UTF8;
            case Type.LargeUtf8: return ArrowType.LARGE_UTF8;
            case Type.Timestamp: return ArrowType.TIMESTAMP;
            case Type.Int: return intType((Int) field.type(new Int()));
            case Type.List:
                boolean ofUtf8 = field.childrenLength() == 1 && field.children(0).typeType() == Type.Utf8
                        && field.children(0).dictionary() == null;
                return ofUtf8 ? ArrowType.LIST_UTF8 : null;
            default: return null;
        }
    }

    private static ArrowType intType(Int type) {
        if (type == null) {
            return null;
        }
        boolean signed = type.isSigned();
        switch (type.bitWidth()) {
            case 8: return signed ? ArrowType.INT8 : ArrowType.UINT8;
            case 16: return signed ? ArrowType.INT16 : ArrowType.UINT16;
            case 32: return signed ? ArrowType.INT32 : ArrowType.UINT32;
            case 64: return signed ? ArrowType.INT64 : ArrowType.UINT64;
            default: return null;
        }
    }

    private static Timestamp timestamp(Field field) throws ArrowFormatException {
        Timestamp ts = (Timestamp) field.type(new Timestamp());
        if (ts == null) {
            throw new ArrowFormatException("timestamp field '" + field.name() + "' has no type table");
        }
        return ts;
    }

    private static String describe(Field field) throws ArrowFormatException {
        byte code = field.typeType();
        String base = code >= 0 && code < Type.names.length ? Type.names[code] : "type code " + code;
        if (code == Type.Int) {
            Int type = (Int) field.type(new Int());
            return type == null ? base : base + "(" + type.bitWidth() + (type.isSigned() ? ", signed)" : ", unsigned)");
        }
        if (code == Type.Timestamp) {
            Timestamp ts = timestamp(field);
            String unit = ts.unit() >= 0 && ts.unit() < TimeUnit.names.length ? TimeUnit.names[ts.unit()] : "?";
            return base + "(" + unit + (ts.timezone() == null ? ")" : ", " + ts.timezone() + ")");
        }
        if (field.childrenLength() > 0 && code != Type.Struct_) {
            return base + "<" + describe(field.children(0)) + ">";
        }
        return base;
    }
}
