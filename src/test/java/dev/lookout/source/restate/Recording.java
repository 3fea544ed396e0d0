package dev.lookout.source.restate;

import dev.lookout.source.restate.proto.ClusterStateResponse;
import dev.lookout.source.restate.proto.DescribeLogResponse;
import dev.lookout.source.restate.proto.GetClusterConfigurationResponse;
import dev.lookout.source.restate.proto.IdentResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The answers of a real 3-node Restate 1.7.12 cluster, as {@link RecordFixtures} wrote them:
 * one Arrow IPC stream per query, the control calls' protobuf answers, and node-1's /metrics page.
 */
final class Recording {
  static final String HEALTHY = "/restate/healthy/";
  static final String METRICS_PAGE = "/prometheus/restate-node.txt";
  /** Logs 0..3: DescribeLog was recorded for each. */
  static final int LOGS = 4;

  final Map<Queries, byte[]> tables = new EnumMap<>(Queries.class);
  final Map<Integer, DescribeLogResponse> describeLogs = new HashMap<>();
  final IdentResponse ident;
  final GetClusterConfigurationResponse configuration;
  final ClusterStateResponse clusterState;
  final String metricsPage;

  /** A cluster's answers built in memory, e.g. by {@link SimulatedCluster}. */
  Recording(Map<Queries, byte[]> tables, Map<Integer, DescribeLogResponse> describeLogs,
      IdentResponse ident, GetClusterConfigurationResponse configuration,
      ClusterStateResponse clusterState, String metricsPage) {
    this.tables.putAll(tables);
    this.describeLogs.putAll(describeLogs);
    this.ident = ident;
    this.configuration = configuration;
    this.clusterState = clusterState;
    this.metricsPage = metricsPage;
  }

  private Recording(String dir, String metricsResource) throws IOException {
    for (Queries q : Queries.ALL) {
      tables.put(q, bytes(dir + q.table() + ".arrows"));
    }
    for (int log = 0; log < LOGS; log++) {
      describeLogs.put(log, DescribeLogResponse.parseFrom(bytes(dir + "describe_log_" + log + ".pb")));
    }
    ident = IdentResponse.parseFrom(bytes(dir + "ident.pb"));
    configuration = GetClusterConfigurationResponse.parseFrom(bytes(dir + "cluster_configuration.pb"));
    clusterState = ClusterStateResponse.parseFrom(bytes(dir + "cluster_state.pb"));
    metricsPage = new String(bytes(metricsResource), StandardCharsets.UTF_8);
  }

  /**
   * A real trim gap: log 0 trimmed to LSN 3 (its first segment dropped from the chain, so
   * DescribeLog says 0), then node-2 (N3) restarted: its replica of partition 0 cannot start. The
   * page is node-2's, with the blocked flare. Nodes: N1 at :5122, N3 at :5132, N2 at :5142.
   */
  static Recording trimGap() {
    try {
      return new Recording("/restate/trim-gap/", "/restate/trim-gap/metrics-node-2.txt");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Recording healthy() {
    try {
      return new Recording(HEALTHY, METRICS_PAGE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The query whose SQL is exactly {@code sql}, or null: the server knows no other. */
  static Queries querying(String sql) {
    for (Queries q : Queries.ALL) {
      if (q.sql().equals(sql)) {
        return q;
      }
    }
    return null;
  }

  private static byte[] bytes(String resource) throws IOException {
    try (InputStream in = Recording.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing test resource " + resource);
      }
      return in.readAllBytes();
    }
  }
}
