package dev.lookout.source.restate.arrow;

import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.RecordBatch;

/**
 * One record batch, copied out of its flatbuffer and checked against the stream: every buffer
 * lies inside the message body, every node's null count is within its length.
 *
 * @param nodeLength per field node, its length (row count of that array)
 * @param nodeNulls per field node, its null count
 * @param bufferStart per buffer, its absolute byte position in the stream
 * @param bufferLength per buffer, its length in bytes (0 for an absent buffer)
 */
record BatchSpec(int rows, int[] nodeLength, int[] nodeNulls, int[] bufferStart, int[] bufferLength) {

    static BatchSpec read(RecordBatch batch, SchemaLayout schema, int bodyStart, long bodyLength,
            int metadataBytes) throws ArrowFormatException {
        if (batch.compression() != null) {
            throw new ArrowFormatException("compressed record batch bodies are not supported");
        }
        int rows = checkedInt(batch.length(), "record batch length");
        int nodes = batch.nodesLength();
        int buffers = batch.buffersLength();
        checkStructCount(nodes, metadataBytes, "field nodes");
        checkStructCount(buffers, metadataBytes, "buffers");
        checkCounts(schema, nodes, buffers);
        BatchSpec spec = new BatchSpec(rows, new int[nodes], new int[nodes], new int[buffers], new int[buffers]);
        spec.readNodes(batch);
        spec.readBuffers(batch, bodyStart, bodyLength);
        spec.checkTopLevelLengths(schema);
        return spec;
    }

    private static void checkCounts(SchemaLayout schema, int nodes, int buffers) throws ArrowFormatException {
        boolean known = schema.nodes() >= 0;
        if (known && (nodes != schema.nodes() || buffers != schema.buffers())) {
            throw new ArrowFormatException("record batch has " + nodes + " field nodes and " + buffers
                    + " buffers, the schema needs " + schema.nodes() + " and " + schema.buffers());
        }
    }

    private void readNodes(RecordBatch batch) throws ArrowFormatException {
        FieldNode node = new FieldNode();
        for (int i = 0; i < nodeLength.length; i++) {
            batch.nodes(node, i);
            nodeLength[i] = checkedInt(node.length(), "length of field node " + i);
            nodeNulls[i] = checkedInt(node.nullCount(), "null count of field node " + i);
            if (nodeNulls[i] > nodeLength[i]) {
                throw new ArrowFormatException("field node " + i + " has " + nodeNulls[i]
                        + " nulls but only " + nodeLength[i] + " values");
            }
        }
    }

    private void readBuffers(RecordBatch batch, int bodyStart, long bodyLength) throws ArrowFormatException {
        Buffer buffer = new Buffer();
        for (int i = 0; i < bufferStart.length; i++) {
            batch.buffers(buffer, i);
            long offset = buffer.offset();
            long length = buffer.length();
            if (offset < 0 || length < 0 || offset > bodyLength || length > bodyLength - offset) {
                throw new ArrowFormatException("buffer " + i + " (offset " + offset + ", length " + length
                        + ") lies outside the message body of " + bodyLength + " bytes");
            }
            bufferStart[i] = bodyStart + (int) offset;
            bufferLength[i] = (int) length;
        }
    }

    /** A top-level array has exactly one value per row; anything else misaligns rows across columns. */
    private void checkTopLevelLengths(SchemaLayout schema) throws ArrowFormatException {
        for (int i = 0; i < schema.fields().size(); i++) {
            int node = schema.firstNode()[i];
            if (node < 0 || node >= nodeLength.length) {
                return;
            }
            if (nodeLength[node] != rows) {
                throw new ArrowFormatException("column '" + schema.fields().get(i).name() + "' has "
                        + nodeLength[node] + " values in a record batch of " + rows + " rows");
            }
        }
    }

    /** Nodes and buffers are 16-byte structs: bounding the count keeps garbage from allocating gigabytes. */
    private static void checkStructCount(int count, int metadataBytes, String what) throws ArrowFormatException {
        if (count < 0 || count > metadataBytes / 16) {
            throw new ArrowFormatException(
                    what + ": count " + count + " cannot fit in " + metadataBytes + " bytes of metadata");
        }
    }

    private static int checkedInt(long value, String what) throws ArrowFormatException {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new ArrowFormatException(what + " is out of range: " + value);
        }
        return (int) value;
    }
}
