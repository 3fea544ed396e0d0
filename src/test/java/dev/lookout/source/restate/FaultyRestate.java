package dev.lookout.source.restate;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * The recorded 3-node cluster served in-process, for tests outside this package that run the
 * whole agent against it: a reader wired to the fake nodes, and the switches that break them.
 */
public final class FaultyRestate implements AutoCloseable {
  private final FakeRestateCluster cluster = new FakeRestateCluster();

  /** Reads nodes 1, 2 and 3 as target {@code target} with the given deadline. */
  public RestateSource source(String target, Duration timeout) {
    return new RestateSource(target, cluster.addresses(1, 2, 3), timeout, cluster.channels(),
        cluster.pages(), Ticker.systemTicker());
  }

  /** "127.0.0.1:5142": how the cluster's tables and the agent's errors name node {@code id}. */
  public String hostPort(int id) {
    return cluster.node(id).hostPort;
  }

  public void down(int id) {
    cluster.node(id).down();
  }

  public void up(int id) {
    cluster.node(id).up();
  }

  public void hang(int id) {
    cluster.node(id).hang();
  }

  public void slow(int id, long millis) {
    cluster.node(id).slow(millis);
  }

  /** Every node cuts the `nodes` table's Arrow stream in half. */
  public void truncateNodesTable() {
    cluster.nodes().forEach(n -> n.garbage(Queries.NODES));
  }

  /** Every node answers the `nodes` query with the `logs` table: valid Arrow, wrong columns. */
  public void nodesTableWithWrongSchema() {
    cluster.nodes().forEach(n -> n.wrongSchema(Queries.NODES, Queries.LOGS));
  }

  /** Node {@code id} serves the recorded page with the failure detector's family broken. */
  public void malformedFamily(int id) {
    String page = Recording.healthy().metricsPage;
    cluster.node(id).metricsPage(page.replace("restate_failure_detector_lonely{cluster_name=\"demo\"",
        "restate_failure_detector_lonely{cluster_name=demo"));
  }

  @Override
  public void close() {
    cluster.close();
  }
}
