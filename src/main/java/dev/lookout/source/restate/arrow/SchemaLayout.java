package dev.lookout.source.restate.arrow;

import java.util.List;

/**
 * The schema plus where each top-level field starts in a record batch's flattened node and buffer
 * lists (pre-order over the field tree, as the IPC format lays them out).
 *
 * @param firstNode per field, its first node index, or -1 when an earlier field's layout is unknown
 * @param firstBuffer per field, its first buffer index, or -1 likewise
 * @param nodes node count of a whole batch, or -1 when some layout is unknown
 * @param buffers buffer count of a whole batch, or -1 when some layout is unknown
 */
record SchemaLayout(List<FieldSpec> fields, int[] firstNode, int[] firstBuffer, int nodes, int buffers) {

    static SchemaLayout of(List<FieldSpec> fields) {
        int[] firstNode = new int[fields.size()];
        int[] firstBuffer = new int[fields.size()];
        int node = 0;
        int buffer = 0;
        for (int i = 0; i < fields.size(); i++) {
            firstNode[i] = node;
            firstBuffer[i] = buffer;
            FieldSpec field = fields.get(i);
            if (node < 0 || !field.layoutKnown()) {
                node = -1;
                buffer = -1;
            } else {
                node += field.nodes();
                buffer += field.buffers();
            }
        }
        return new SchemaLayout(List.copyOf(fields), firstNode, firstBuffer, node, buffer);
    }

    /** Index of the first field named {@code name}, or -1. */
    int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Why field {@code index} cannot be located in a batch, or null when it can. */
    String unreachable(int index) {
        if (firstNode[index] >= 0) {
            return null;
        }
        for (int i = 0; i < index; i++) {
            if (!fields.get(i).layoutKnown()) {
                return "it follows column '" + fields.get(i).name() + "' of type "
                        + fields.get(i).description() + ", whose buffer layout is unknown";
            }
        }
        return "its position in the batch is unknown";
    }
}
