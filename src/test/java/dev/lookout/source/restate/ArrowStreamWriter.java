package dev.lookout.source.restate;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.flatbuf.Bool;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.TimeUnit;
import org.apache.arrow.flatbuf.Timestamp;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Utf8;

/**
 * Writes an Arrow IPC stream laid out as Restate's query service writes one: metadata V5,
 * every field nullable, a validity bitmap on every column (also without nulls), buffers at
 * 64-byte offsets, metadata padded to 8 bytes. Only the column types Restate's tables use.
 */
final class ArrowStreamWriter {
  /** The column types of the Restate tables the agent reads, as their schemas declare them. */
  enum Kind {
    UTF8, UINT32, UINT64, BOOL,
    /** Timestamp(MILLISECOND, "+00:00"), as `updated_at` is declared. */
    TIMESTAMP_MS_UTC
  }

  record Column(String name, Kind kind) {}

  private static final int ALIGN = 64;

  private final List<Column> columns;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private ArrowStreamWriter(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  /**
   * The whole stream: schema, one record batch per element of {@code batches} (rows of values:
   * String, Number, Boolean or null, in column order), end-of-stream marker.
   */
  static byte[] write(List<Column> columns, List<List<Object[]>> batches) {
    ArrowStreamWriter w = new ArrowStreamWriter(columns);
    w.message(MessageHeader.Schema, w::schema, 0);
    for (List<Object[]> rows : batches) {
      w.batch(rows);
    }
    w.int32(0xFFFFFFFF);
    w.int32(0);
    return w.out.toByteArray();
  }

  private interface Header {
    int build(FlatBufferBuilder b);
  }

  private void message(byte type, Header header, long bodyLength) {
    FlatBufferBuilder b = new FlatBufferBuilder(1024);
    int h = header.build(b);
    b.finish(Message.createMessage(b, MetadataVersion.V5, type, h, bodyLength, 0));
    byte[] meta = b.sizedByteArray();
    int padded = (meta.length + 7) & ~7;
    int32(0xFFFFFFFF);
    int32(padded);
    out.write(meta, 0, meta.length);
    out.write(new byte[padded - meta.length], 0, padded - meta.length);
  }

  private int schema(FlatBufferBuilder b) {
    int[] fields = new int[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = field(b, columns.get(i));
    }
    int vector = Schema.createFieldsVector(b, fields);
    return Schema.createSchema(b, Endianness.Little, vector, 0, 0);
  }

  private static int field(FlatBufferBuilder b, Column c) {
    int name = b.createString(c.name());
    byte typeType;
    int type;
    switch (c.kind()) {
      case UTF8: Utf8.startUtf8(b); type = Utf8.endUtf8(b); typeType = Type.Utf8; break;
      case BOOL: Bool.startBool(b); type = Bool.endBool(b); typeType = Type.Bool; break;
      case UINT32: type = Int.createInt(b, 32, false); typeType = Type.Int; break;
      case UINT64: type = Int.createInt(b, 64, false); typeType = Type.Int; break;
      default:
        type = Timestamp.createTimestamp(b, TimeUnit.MILLISECOND, b.createString("+00:00"));
        typeType = Type.Timestamp;
    }
    int children = Field.createChildrenVector(b, new int[0]);
    return Field.createField(b, name, true, typeType, type, 0, children, 0);
  }

  /** One record batch: the body is laid out first, then described by the metadata before it. */
  private void batch(List<Object[]> rows) {
    BodyWriter body = new BodyWriter(rows.size());
    for (int c = 0; c < columns.size(); c++) {
      body.column(columns.get(c).kind(), c, rows);
    }
    byte[] bytes = body.finish();
    message(MessageHeader.RecordBatch, b -> recordBatch(b, rows.size(), body), bytes.length);
    out.write(bytes, 0, bytes.length);
  }

  private static int recordBatch(FlatBufferBuilder b, int rows, BodyWriter body) {
    RecordBatch.startNodesVector(b, body.nodes.size());
    for (int i = body.nodes.size() - 1; i >= 0; i--) {
      FieldNode.createFieldNode(b, body.nodes.get(i)[0], body.nodes.get(i)[1]);
    }
    int nodes = b.endVector();
    RecordBatch.startBuffersVector(b, body.buffers.size());
    for (int i = body.buffers.size() - 1; i >= 0; i--) {
      Buffer.createBuffer(b, body.buffers.get(i)[0], body.buffers.get(i)[1]);
    }
    int buffers = b.endVector();
    return RecordBatch.createRecordBatch(b, rows, nodes, buffers, 0, 0);
  }

  private void int32(int v) {
    byte[] bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    out.write(bytes, 0, 4);
  }

  /** The body of one record batch and the nodes and buffers that describe it. */
  private static final class BodyWriter {
    final List<long[]> nodes = new java.util.ArrayList<>();
    final List<long[]> buffers = new java.util.ArrayList<>();
    private final int rows;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    BodyWriter(int rows) {
      this.rows = rows;
    }

    void column(Kind kind, int c, List<Object[]> values) {
      byte[] validity = new byte[(rows + 7) / 8];
      int nulls = 0;
      for (int r = 0; r < rows; r++) {
        if (values.get(r)[c] == null) {
          nulls++;
        } else {
          validity[r >>> 3] |= (byte) (1 << (r & 7));
        }
      }
      nodes.add(new long[] {rows, nulls});
      buffer(validity);
      switch (kind) {
        case UTF8: strings(c, values); break;
        case BOOL: buffer(bits(c, values)); break;
        case UINT32: buffer(fixed(c, values, 4)); break;
        default: buffer(fixed(c, values, 8));
      }
    }

    private void strings(int c, List<Object[]> values) {
      ByteBuffer offsets = ByteBuffer.allocate(4 * (rows + 1)).order(ByteOrder.LITTLE_ENDIAN);
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      offsets.putInt(0);
      for (Object[] row : values) {
        if (row[c] != null) {
          byte[] s = ((String) row[c]).getBytes(StandardCharsets.UTF_8);
          data.write(s, 0, s.length);
        }
        offsets.putInt(data.size());
      }
      buffer(offsets.array());
      buffer(data.toByteArray());
    }

    private byte[] bits(int c, List<Object[]> values) {
      byte[] bits = new byte[(rows + 7) / 8];
      for (int r = 0; r < rows; r++) {
        if (Boolean.TRUE.equals(values.get(r)[c])) {
          bits[r >>> 3] |= (byte) (1 << (r & 7));
        }
      }
      return bits;
    }

    private byte[] fixed(int c, List<Object[]> values, int width) {
      ByteBuffer b = ByteBuffer.allocate(width * rows).order(ByteOrder.LITTLE_ENDIAN);
      for (Object[] row : values) {
        long v = row[c] == null ? 0 : ((Number) row[c]).longValue();
        if (width == 4) {
          b.putInt((int) v);
        } else {
          b.putLong(v);
        }
      }
      return b.array();
    }

    private void buffer(byte[] bytes) {
      pad();
      buffers.add(new long[] {body.size(), bytes.length});
      body.write(bytes, 0, bytes.length);
    }

    private void pad() {
      int gap = (ALIGN - body.size() % ALIGN) % ALIGN;
      body.write(new byte[gap], 0, gap);
    }

    byte[] finish() {
      pad();
      return body.toByteArray();
    }
  }
}
