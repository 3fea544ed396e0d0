package dev.lookout.source.restate;

import com.github.benmanes.caffeine.cache.Ticker;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The recorded 3-node cluster served in-process: one gRPC server per node, reached through
 * {@link #channels()} by the same http://host:port addresses the `nodes` table advertises,
 * and the nodes' /metrics pages through {@link #pages()}.
 */
final class FakeRestateCluster implements AutoCloseable {
  /** Id, generation and fabric address of each recorded node, as its `nodes` row gives them. */
  private static final Object[][] NODES = {
    {1, 2, "127.0.0.1:5132"}, {2, 1, "127.0.0.1:5142"}, {3, 1, "127.0.0.1:5152"}};
  /** Keeps server names unique when clusters of several tests overlap. */
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /**
   * Runs the fake servers' and the in-process channels' work: fixed, so that a test counting the
   * threads of the process sees the agent's, not a cache of the fake's that grows under load.
   */
  private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(8, r -> {
    Thread t = new Thread(r, "fake-restate");
    t.setDaemon(true);
    return t;
  });

  private final String prefix = "fake-restate-" + INSTANCES.incrementAndGet() + "/";
  private final Map<String, FakeNode> byHostPort = new LinkedHashMap<>();
  private final List<Server> servers = new ArrayList<>();

  FakeRestateCluster() {
    this(Recording.healthy(), NODES);
  }

  /** {@code nodes}: {plain id, generation, "host:port"} per node, as the recording's tables name them. */
  FakeRestateCluster(Recording recording, Object[][] nodes) {
    for (Object[] n : nodes) {
      FakeNode node = new FakeNode((int) n[0], (int) n[1], (String) n[2], recording);
      byHostPort.put(node.hostPort, node);
    }
    try {
      for (FakeNode node : byHostPort.values()) {
        InProcessServerBuilder builder = InProcessServerBuilder.forName(prefix + node.hostPort)
            .executor(EXECUTOR);
        node.services().forEach(builder::addService);
        servers.add(builder.build().start());
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    }
  }

  FakeNode node(int id) {
    for (FakeNode node : byHostPort.values()) {
      if (node.id == id) {
        return node;
      }
    }
    throw new IllegalArgumentException("no fake node " + id);
  }

  List<FakeNode> nodes() {
    return List.copyOf(byHostPort.values());
  }

  /** http://127.0.0.1:5132 style addresses of the given nodes, in the order given. */
  List<URI> addresses(int... ids) {
    List<URI> uris = new ArrayList<>();
    for (int id : ids) {
      uris.add(URI.create(node(id).address()));
    }
    return uris;
  }

  /** Channels to the in-process servers; an address no fake node has reaches no server. */
  NodeChannels channels() {
    return new NodeChannels(this::channel);
  }

  private ManagedChannel channel(URI address) {
    return InProcessChannelBuilder.forName(prefix + address.getHost() + ":" + address.getPort())
        .executor(EXECUTOR).build();
  }

  /** Each node's /metrics page; an unknown address refuses the connection. */
  MetricsPages pages() {
    return new MetricsPages(this::page);
  }

  private CompletableFuture<String> page(URI address, Duration timeout) {
    FakeNode node = byHostPort.get(address.getHost() + ":" + address.getPort());
    return node == null ? CompletableFuture.failedFuture(new ConnectException("Connection refused"))
        : node.page();
  }

  /** A source over the given nodes' addresses, wired to this cluster. */
  RestateSource source(Duration timeout, int... ids) {
    return source(timeout, Ticker.systemTicker(), ids);
  }

  /** With a ticker the test advances, for the table cache. */
  RestateSource source(Duration timeout, Ticker ticker, int... ids) {
    return new RestateSource("demo", addresses(ids), timeout, channels(), pages(), ticker);
  }

  @Override
  public void close() {
    servers.forEach(Server::shutdownNow);
    for (Server server : servers) {
      try {
        server.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
