package dev.lookout.source.restate;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.lookout.source.restate.proto.AliveNode;
import dev.lookout.source.restate.proto.BifrostProvider;
import dev.lookout.source.restate.proto.ClusterConfiguration;
import dev.lookout.source.restate.proto.ClusterState;
import dev.lookout.source.restate.proto.ClusterStateResponse;
import dev.lookout.source.restate.proto.DescribeLogResponse;
import dev.lookout.source.restate.proto.GenerationalNodeId;
import dev.lookout.source.restate.proto.GetClusterConfigurationResponse;
import dev.lookout.source.restate.proto.Lsn;
import dev.lookout.source.restate.proto.NodeState;
import dev.lookout.source.restate.proto.PartitionProcessorStatus;
import dev.lookout.source.restate.proto.ReplayStatus;
import dev.lookout.source.restate.proto.ReplicationProperty;
import dev.lookout.source.restate.proto.RunMode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A synthetic Restate cluster of any {@link ClusterShape}, served in-process by {@link FakeNode}s
 * (so every fault switch works on it): the eight tables as Arrow streams built like the recorded
 * ones, DescribeLog per log, the cluster configuration and state, and a /metrics page per node.
 * Each node's identity is the recorded one with its own id.
 */
public final class SimulatedCluster implements AutoCloseable {
  private final ClusterShape shape;
  private final Recording recording;
  private final FakeRestateCluster cluster;

  public SimulatedCluster(ClusterShape shape) {
    this.shape = shape;
    this.recording = recording(shape);
    Object[][] nodes = new Object[shape.nodes()][];
    for (int n = 1; n <= shape.nodes(); n++) {
      nodes[n - 1] = new Object[] {n, 1, shape.hostPort(n)};
    }
    this.cluster = new FakeRestateCluster(recording, nodes);
    SimulatedPages pages = new SimulatedPages(Recording.healthy().metricsPage);
    for (int n = 1; n <= shape.nodes(); n++) {
      cluster.node(n).metricsPage(pages.page(shape, n));
    }
  }

  /** Everything the nodes answer with; each node's page is set on the node itself. */
  static Recording recording(ClusterShape shape) {
    Recording recorded = Recording.healthy();
    Map<Integer, DescribeLogResponse> described = new HashMap<>();
    for (int log = 0; log < shape.logs(); log++) {
      described.put(log, DescribeLogResponse.newBuilder().setLogId(log).setTrimPoint(0)
          .setLogsVersion(recorded.ident.getLogsVersion()).build());
    }
    return new Recording(SimulatedTables.of(shape), described, recorded.ident, configuration(shape),
        state(shape), recorded.metricsPage);
  }

  private static GetClusterConfigurationResponse configuration(ClusterShape shape) {
    ReplicationProperty replication = ReplicationProperty.newBuilder()
        .setReplicationProperty("{node: " + shape.replication() + "}").build();
    return GetClusterConfigurationResponse.newBuilder().setClusterConfiguration(
        ClusterConfiguration.newBuilder().setNumPartitions(shape.partitions())
            .setPartitionReplication(replication)
            .setBifrostProvider(BifrostProvider.newBuilder().setProvider("replicated")
                .setReplicationProperty(replication))).build();
  }

  private static ClusterStateResponse state(ClusterShape shape) {
    ClusterState.Builder state = ClusterState.newBuilder();
    for (int n = 1; n <= shape.nodes(); n++) {
      AliveNode.Builder alive = AliveNode.newBuilder().setUptimeS(196)
          .setGenerationalNodeId(GenerationalNodeId.newBuilder().setId(n).setGeneration(1));
      for (int p = 0; p < shape.partitions(); p++) {
        if (shape.replicaSet(p).contains(n)) {
          alive.putPartitions(p, status(shape, p, n));
        }
      }
      state.putNodes(n, NodeState.newBuilder().setAlive(alive).build());
    }
    return ClusterStateResponse.newBuilder().setClusterState(state).build();
  }

  private static PartitionProcessorStatus status(ClusterShape shape, int p, int n) {
    RunMode mode = shape.leader(p) == n ? RunMode.LEADER : RunMode.FOLLOWER;
    long tail = SimulatedTables.tailLsn(shape.logOf(p));
    return PartitionProcessorStatus.newBuilder().setPlannedMode(mode).setEffectiveMode(mode)
        .setReplayStatus(ReplayStatus.ACTIVE)
        .setLastAppliedLogLsn(Lsn.newBuilder().setValue(tail - 1))
        .setTargetTailLsn(Lsn.newBuilder().setValue(tail)).build();
  }

  public ClusterShape shape() {
    return shape;
  }

  Recording served() {
    return recording;
  }

  FakeNode node(int id) {
    return cluster.node(id);
  }

  /** The fault switches of node {@code id}: down, hung. */
  public void down(int id) {
    cluster.node(id).down();
  }

  public void hang(int id) {
    cluster.node(id).hang();
  }

  /** A source configured with node 1's address only (it learns the others), wired in-process. */
  public RestateSource source(String target, Duration timeout) {
    return new RestateSource(target, java.util.List.of(URI.create("http://" + shape.hostPort(1))),
        timeout, cluster.channels(), cluster.pages(), Ticker.systemTicker());
  }

  @Override
  public void close() {
    cluster.close();
  }
}
