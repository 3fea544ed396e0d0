package dev.lookout.source.restate;

import com.google.protobuf.ByteString;
import java.util.List;

/**
 * The raw answer of one SQL query: the concatenated Arrow IPC stream and the per-node warnings
 * the server attaches when a fan-out table is partial (a node did not answer).
 */
record QueryResult(String sql, ByteString arrowStream, List<String> warnings) {
  QueryResult {
    warnings = List.copyOf(warnings);
  }
}
