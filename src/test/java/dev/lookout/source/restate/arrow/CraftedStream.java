package dev.lookout.source.restate.arrow;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.flatbuf.BodyCompression;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;

/**
 * Builds streams a real writer would not produce, to reach the reader's checks. Starts from the
 * schema of empty.arrows (partition_id UInt32, plain_node_id Utf8: 2 nodes, 5 buffers).
 */
final class CraftedStream {
    static final byte[] END = {-1, -1, -1, -1, 0, 0, 0, 0};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static byte[] schemaMessage() {
        byte[] empty = Fixtures.bytes("empty.arrows");
        return Arrays.copyOf(empty, empty.length - END.length);
    }

    /** A valid batch of one row: partition_id 7, plain_node_id "ab". */
    static Batch validBatch() {
        Batch b = new Batch();
        b.length = 1;
        b.nodes = new long[][] {{1, 0}, {1, 0}};
        b.buffers = new long[][] {{0, 0}, {0, 4}, {0, 0}, {8, 8}, {16, 2}};
        b.body = new byte[24];
        ByteBuffer body = ByteBuffer.wrap(b.body).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(0, 7).putInt(8, 0).putInt(12, 2).put(16, (byte) 'a').put(17, (byte) 'b');
        b.bodyLength = 24;
        return b;
    }

    /** A record batch's parts, freely falsifiable. */
    static final class Batch {
        long length;
        long[][] nodes;
        long[][] buffers;
        byte[] body;
        long bodyLength;
        boolean compressed;
        byte headerType = MessageHeader.RecordBatch;
    }

    CraftedStream add(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    CraftedStream add(Batch batch) {
        ByteBuffer metadata = metadata(batch);
        int padded = (metadata.remaining() + 7) & ~7;
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).putInt(padded);
        out.writeBytes(prefix.array());
        byte[] meta = new byte[padded];
        metadata.get(meta, 0, metadata.remaining());
        out.writeBytes(meta);
        out.writeBytes(batch.body);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes());
    }

    private static ByteBuffer metadata(Batch b) {
        FlatBufferBuilder fbb = new FlatBufferBuilder();
        RecordBatch.startNodesVector(fbb, b.nodes.length);
        for (int i = b.nodes.length - 1; i >= 0; i--) {
            FieldNode.createFieldNode(fbb, b.nodes[i][0], b.nodes[i][1]);
        }
        int nodes = fbb.endVector();
        RecordBatch.startBuffersVector(fbb, b.buffers.length);
        for (int i = b.buffers.length - 1; i >= 0; i--) {
            Buffer.createBuffer(fbb, b.buffers[i][0], b.buffers[i][1]);
        }
        int buffers = fbb.endVector();
        int compression = b.compressed ? BodyCompression.createBodyCompression(fbb, (byte) 0, (byte) 0) : 0;
        int batch = RecordBatch.createRecordBatch(fbb, b.length, nodes, buffers, compression, 0);
        int message = Message.createMessage(fbb, MetadataVersion.V5, b.headerType, batch, b.bodyLength, 0);
        fbb.finish(message);
        return fbb.dataBuffer();
    }
}
