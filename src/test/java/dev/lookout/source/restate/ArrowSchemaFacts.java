package dev.lookout.source.restate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.TimeUnit;
import org.apache.arrow.flatbuf.Timestamp;
import org.apache.arrow.flatbuf.Type;

/**
 * What an Arrow IPC stream declares, read straight from its flatbuffers (not through the agent's
 * reader): per field a line such as {@code updated_at: Timestamp(MILLISECOND, +00:00) nullable
 * dict=no meta=0 children=[]}, and the layout facts every record batch shows.
 */
final class ArrowSchemaFacts {
  final List<String> fields = new ArrayList<>();
  final List<String> layout = new ArrayList<>();
  int batches;
  long rows;

  static ArrowSchemaFacts of(byte[] stream) {
    ArrowSchemaFacts facts = new ArrowSchemaFacts();
    ByteBuffer b = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN);
    int pos = 0;
    while (b.getInt(pos + 4) != 0) {
      int metaBytes = b.getInt(pos + 4);
      Message m = Message.getRootAsMessage(b.slice(pos + 8, metaBytes).order(ByteOrder.LITTLE_ENDIAN));
      facts.message(m, metaBytes);
      pos += 8 + metaBytes + (int) m.bodyLength();
    }
    return facts;
  }

  private void message(Message m, int metaBytes) {
    String common = "version " + m.version() + ", metadata padded to 8: " + (metaBytes % 8 == 0)
        + ", body padded to 64: " + (m.bodyLength() % 64 == 0);
    if (m.headerType() == MessageHeader.Schema) {
      Schema s = (Schema) m.header(new Schema());
      layout.add("schema: " + common + ", endianness " + s.endianness() + ", metadata "
          + s.customMetadataLength() + ", features " + s.featuresLength());
      for (int i = 0; i < s.fieldsLength(); i++) {
        fields.add(field(s.fields(i)));
      }
      return;
    }
    RecordBatch r = (RecordBatch) m.header(new RecordBatch());
    batches++;
    rows += r.length();
    boolean aligned = true;
    for (int i = 0; i < r.buffersLength(); i++) {
      aligned &= r.buffers(i).offset() % 64 == 0;
    }
    boolean validityEverywhere = true;
    int buffer = 0;
    for (int f = 0; f < r.nodesLength(); f++) {
      validityEverywhere &= r.buffers(buffer).length() == (r.length() + 7) / 8;
      buffer += buffersOf(fields.get(f));
    }
    String batch = "batch: " + common + ", compression " + (r.compression() != null) + ", buffers at 64: "
        + aligned + ", validity bitmap on every column: " + validityEverywhere;
    if (!layout.contains(batch)) {
      layout.add(batch);
    }
  }

  private static int buffersOf(String field) {
    return field.contains(": Utf8") ? 3 : 2;
  }

  static String field(Field f) {
    StringBuilder s = new StringBuilder(f.name()).append(": ").append(type(f))
        .append(f.nullable() ? " nullable" : " not-null")
        .append(" dict=").append(f.dictionary() == null ? "no" : "yes")
        .append(" meta=").append(f.customMetadataLength()).append(" children=[");
    for (int i = 0; i < f.childrenLength(); i++) {
      s.append(i > 0 ? ", " : "").append(field(f.children(i)));
    }
    return s.append(']').toString();
  }

  private static String type(Field f) {
    String name = Type.names[f.typeType()];
    if (f.typeType() == Type.Int) {
      Int i = (Int) f.type(new Int());
      return name + "(" + i.bitWidth() + (i.isSigned() ? ", signed)" : ", unsigned)");
    }
    if (f.typeType() == Type.Timestamp) {
      Timestamp t = (Timestamp) f.type(new Timestamp());
      return name + "(" + TimeUnit.names[t.unit()] + ", " + t.timezone() + ")";
    }
    return name;
  }
}
