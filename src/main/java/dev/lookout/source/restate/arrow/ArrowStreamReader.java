package dev.lookout.source.restate.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;

/**
 * Reads one Arrow IPC <em>stream</em> (schema message, record batches, end-of-stream marker) as
 * Restate's query service sends it: metadata V4/V5, little endian, uncompressed, no dictionaries.
 *
 * <p>Only the metadata is decoded here; column values are read in place, and a column's buffers
 * are checked when the column is first requested. The returned table therefore views the given
 * bytes: they must not change while the table is in use.
 *
 * <p>Every malformed input ends in {@link ArrowFormatException}: lengths are checked against the
 * bytes present before use, and each message advances the position by at least 8 bytes.
 */
public final class ArrowStreamReader {
    private static final int CONTINUATION = 0xFFFFFFFF;
    private static final int PREFIX_BYTES = 8;

    private final ByteBuffer buf;
    private int pos;
    private int messageIndex;
    private SchemaLayout schema;
    private final List<BatchSpec> batches = new ArrayList<>();

    private ArrowStreamReader(ByteBuffer buf) {
        this.buf = buf;
    }

    /** Reads the stream between {@code stream}'s position and limit; the buffer itself is not moved. */
    public static ArrowTable read(ByteBuffer stream) throws ArrowFormatException {
        ArrowStreamReader reader = new ArrowStreamReader(stream.slice().order(ByteOrder.LITTLE_ENDIAN));
        return reader.readAll();
    }

    /**
     * Reads a stream delivered in pieces, e.g. the {@code encoded} fields of a gRPC response stream.
     * One piece is read in place; several are copied into one buffer, because Arrow messages may
     * span piece boundaries.
     */
    public static ArrowTable read(List<ByteBuffer> chunks) throws ArrowFormatException {
        if (chunks.size() == 1) {
            return read(chunks.get(0));
        }
        long total = 0;
        for (ByteBuffer chunk : chunks) {
            total += chunk.remaining();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new ArrowFormatException("stream of " + total + " bytes is too large to read");
        }
        ByteBuffer joined = ByteBuffer.allocate((int) total);
        for (ByteBuffer chunk : chunks) {
            joined.put(chunk.duplicate());
        }
        return read(joined.flip());
    }

    private ArrowTable readAll() throws ArrowFormatException {
        while (readMessage()) {
            messageIndex++;
        }
        if (pos != buf.limit()) {
            throw new ArrowFormatException((buf.limit() - pos) + " bytes follow the end-of-stream marker at byte "
                    + (pos - PREFIX_BYTES));
        }
        if (schema == null) {
            throw new ArrowFormatException("stream ended before its schema message");
        }
        return new ArrowTable(buf, schema, batches);
    }

    /** Reads the message at {@code pos}; false at the end-of-stream marker. */
    private boolean readMessage() throws ArrowFormatException {
        int remaining = buf.limit() - pos;
        if (remaining < PREFIX_BYTES) {
            throw new ArrowFormatException("stream truncated at byte " + buf.limit()
                    + ": expected another message or the end-of-stream marker at byte " + pos);
        }
        int marker = buf.getInt(pos);
        if (marker != CONTINUATION) {
            throw new ArrowFormatException(String.format("expected continuation marker 0xFFFFFFFF at byte %d,"
                    + " found 0x%08X: not an Arrow IPC stream (or the pre-0.15 format)", pos, marker));
        }
        int metadataBytes = buf.getInt(pos + 4);
        if (metadataBytes == 0) {
            pos += PREFIX_BYTES;
            return false;
        }
        if (metadataBytes < 0 || metadataBytes > remaining - PREFIX_BYTES) {
            throw new ArrowFormatException("message " + messageIndex + " at byte " + pos + " declares "
                    + metadataBytes + " bytes of metadata, but only " + (remaining - PREFIX_BYTES) + " remain");
        }
        int metadataStart = pos + PREFIX_BYTES;
        int bodyStart = metadataStart + metadataBytes;
        try {
            pos = bodyStart + readMetadata(buf.slice(metadataStart, metadataBytes), bodyStart);
        } catch (RuntimeException e) {
            // The flatbuffer accessors trust their offsets; garbage shows up as index errors.
            throw new ArrowFormatException("message " + messageIndex + " at byte " + metadataStart
                    + " has malformed flatbuffer metadata (" + e + ")", e);
        }
        return true;
    }

    /** Decodes one message's metadata and returns its body length, checked to fit the stream. */
    private int readMetadata(ByteBuffer metadata, int bodyStart) throws ArrowFormatException {
        Message message = Message.getRootAsMessage(metadata);
        short version = message.version();
        if (version != MetadataVersion.V4 && version != MetadataVersion.V5) {
            throw new ArrowFormatException(where() + "has metadata version " + version
                    + "; only V4 and V5 are supported");
        }
        long bodyLength = message.bodyLength();
        if (bodyLength < 0 || bodyLength > buf.limit() - bodyStart) {
            throw new ArrowFormatException(where() + "declares a body of " + bodyLength + " bytes, but only "
                    + (buf.limit() - bodyStart) + " remain");
        }
        int metadataBytes = metadata.remaining();
        switch (message.headerType()) {
            case MessageHeader.Schema:
                readSchema((Schema) message.header(new Schema()), metadataBytes);
                break;
            case MessageHeader.RecordBatch:
                readBatch((RecordBatch) message.header(new RecordBatch()), bodyStart, bodyLength, metadataBytes);
                break;
            case MessageHeader.DictionaryBatch:
                throw new ArrowFormatException(where() + "is a dictionary batch; dictionaries are not supported");
            default:
                throw new ArrowFormatException(where() + "has unsupported message type " + headerName(message));
        }
        return (int) bodyLength;
    }

    private void readSchema(Schema header, int metadataBytes) throws ArrowFormatException {
        if (schema != null) {
            throw new ArrowFormatException(where() + "is a second schema message");
        }
        if (header == null) {
            throw new ArrowFormatException(where() + "is a schema message without a schema");
        }
        schema = SchemaReader.read(header, metadataBytes);
    }

    private void readBatch(RecordBatch header, int bodyStart, long bodyLength, int metadataBytes)
            throws ArrowFormatException {
        if (schema == null) {
            throw new ArrowFormatException(where() + "is a record batch before the schema");
        }
        if (header == null) {
            throw new ArrowFormatException(where() + "is a record batch message without a record batch");
        }
        try {
            batches.add(BatchSpec.read(header, schema, bodyStart, bodyLength, metadataBytes));
        } catch (ArrowFormatException e) {
            throw new ArrowFormatException(where() + "(record batch " + batches.size() + "): " + e.getMessage(), e);
        }
    }

    private String where() {
        return "message " + messageIndex + " at byte " + pos + " ";
    }

    private static String headerName(Message message) {
        byte type = message.headerType();
        return type >= 0 && type < MessageHeader.names.length ? MessageHeader.names[type] : "code " + type;
    }
}
