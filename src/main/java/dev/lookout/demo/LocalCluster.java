package dev.lookout.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Restate cluster of {@code n} restate-server processes on 127.0.0.1, for the demo command
 * and for end-to-end tests that kill, hang and restart nodes.
 *
 * <p>Nodes are numbered from 1, like their names ({@code node-1}); {@code addresses().get(0)} is
 * node 1. Configs ({@code node-N.toml}) and logs ({@code node-N.log}) live in the work directory,
 * node data under {@code <workDir>/data/node-N}. All ports derive from the base port, ten per
 * node: ingress {@code base+10(N-1)}, admin {@code +1}, node-to-node {@code +2}, pgsql {@code +3}.
 *
 * <p>{@link #close()} kills every node; a JVM shutdown hook does the same if close is never
 * reached, so no server outlives the JVM that started it (short of a SIGKILL of the JVM).
 */
public final class LocalCluster implements AutoCloseable {

  public static final String CLUSTER_NAME = "demo";
  /** Long enough for a call against a hung (SIGSTOPped) node to give up on its own first. */
  public static final Duration RESTATECTL_TIMEOUT = Duration.ofSeconds(40);

  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Path workDir;
  private final List<NodeProcess> nodes;
  private final Restatectl restatectl;
  private final Thread shutdownHook;

  private LocalCluster(Path workDir, List<NodeProcess> nodes, Restatectl restatectl) {
    this.workDir = workDir;
    this.nodes = List.copyOf(nodes);
    this.restatectl = restatectl;
    this.shutdownHook = new Thread(this::killAll, "lookout-demo-cluster-reaper");
  }

  /**
   * Writes one TOML per node and starts all nodes without waiting for them; call
   * {@link #awaitReady(Duration)} next. If a node fails to start, the ones already started are
   * killed before the error is thrown.
   */
  public static LocalCluster start(RestateDistribution dist, Path workDir, int nodes, int basePort)
      throws IOException {
    Path dir = workDir.toAbsolutePath();
    List<NodeConfig> configs = NodeConfig.cluster(CLUSTER_NAME, dir.resolve("data"), nodes, basePort);
    List<URI> addresses = configs.stream().map(NodeConfig::address).collect(Collectors.toList());
    Files.createDirectories(dir);
    List<NodeProcess> processes = new ArrayList<>();
    for (NodeConfig config : configs) {
      NodeProcess process = new NodeProcess(config, dist.serverBinary(), dir);
      Files.writeString(process.tomlFile(), config.toml(addresses), StandardCharsets.UTF_8);
      processes.add(process);
    }
    LocalCluster cluster = new LocalCluster(dir, processes, new Restatectl(dist.restatectlBinary()));
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    cluster.startAll();
    return cluster;
  }

  /**
   * Polls until every node reads {@code alive} and every partition has an active leader.
   *
   * @throws IllegalStateException on timeout or when a node exits meanwhile, with what was still
   *     missing and the tail of every node's log
   */
  public void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      failIfAnyNodeExited();
      Optional<String> missing = probe();
      if (missing.isEmpty()) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("Restate cluster in " + workDir + " not ready after "
            + timeout + ": " + missing.get() + logTails());
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
  }

  public int size() {
    return nodes.size();
  }

  public Path workDir() {
    return workDir;
  }

  /** Node-to-node addresses ({@code http://127.0.0.1:P}), node 1 first. */
  public List<URI> addresses() {
    return nodes.stream().map(n -> n.config().address()).collect(Collectors.toList());
  }

  public URI address(int node) {
    return node(node).config().address();
  }

  /** The Unix socket serving the same gRPC as the node-to-node port. */
  public Path socket(int node) {
    return node(node).config().socket();
  }

  public String nodeName(int node) {
    return node(node).config().name();
  }

  public int adminPort(int node) {
    return node(node).config().adminPort();
  }

  public int ingressPort(int node) {
    return node(node).config().ingressPort();
  }

  /** Stdout and stderr of the node, appended across restarts. */
  public Path logFile(int node) {
    return node(node).logFile();
  }

  /** The pid of the node's current process (it changes on restart). */
  public long pid(int node) {
    return node(node).pid();
  }

  /** The process exists, whether or not it is paused. */
  public boolean isRunning(int node) {
    return node(node).running();
  }

  /** SIGKILL, as in a crash; waits until the process is gone. */
  public void kill(int node) throws InterruptedException {
    LOG.info("Killing {}", nodeName(node));
    node(node).kill();
  }

  /** SIGTERM and wait for a clean exit (SIGKILL after 30 s). */
  public void stop(int node) throws InterruptedException {
    LOG.info("Stopping {}", nodeName(node));
    node(node).stop(STOP_GRACE);
  }

  /** SIGSTOP: the node keeps its sockets open but answers nothing, like a hung machine. */
  public void pause(int node) {
    LOG.info("Pausing {}", nodeName(node));
    node(node).pause();
  }

  /** SIGCONT after {@link #pause(int)}. */
  public void resume(int node) {
    LOG.info("Resuming {}", nodeName(node));
    node(node).resume();
  }

  /** Stops the node gracefully if it runs, then starts it again with the same config and data. */
  public void restart(int node) throws IOException, InterruptedException {
    stop(node);
    LOG.info("Starting {} again", nodeName(node));
    node(node).start();
  }

  /**
   * Runs restatectl with {@code --address} set to the live (running, unpaused) nodes, unless
   * {@code args} carry their own address option. Bounded by {@link #RESTATECTL_TIMEOUT}.
   */
  public CommandResult restatectl(String... args) {
    return restatectl(RESTATECTL_TIMEOUT, args);
  }

  public CommandResult restatectl(Duration timeout, String... args) {
    return restatectl.run(liveAddresses(), timeout, args);
  }

  /**
   * Runs {@code restatectl sql --json} against the first live node and returns one JSON object
   * per row, keyed by column name.
   *
   * @throws IllegalStateException when restatectl fails or prints something other than JSON
   */
  public List<JsonNode> sql(String query) {
    return restatectl.sql(liveAddresses(), RESTATECTL_TIMEOUT, query);
  }

  /** Kills every node (resuming paused ones first) and waits for them to exit. */
  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook is running or has run, nothing to undo.
    }
  }

  private void startAll() throws IOException {
    try {
      for (NodeProcess node : nodes) {
        node.start();
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    LOG.info("Started {} Restate nodes in {}: {}", nodes.size(), workDir, addresses());
  }

  private void killAll() {
    boolean interrupted = false;
    for (NodeProcess node : nodes) {
      try {
        node.resume();
        node.kill();
      } catch (InterruptedException e) {
        interrupted = true; // finish killing the others; SIGKILL itself is not interruptible
      } catch (RuntimeException e) {
        LOG.warn("Could not kill {} cleanly", node.config().name(), e);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private Optional<String> probe() {
    List<URI> live = liveAddresses();
    try {
      List<JsonNode> nodeRows = restatectl.sql(live, PROBE_TIMEOUT, Readiness.NODES_QUERY);
      List<JsonNode> leaderRows = restatectl.sql(live, PROBE_TIMEOUT, Readiness.LEADERS_QUERY);
      return Readiness.missing(nodeRows, leaderRows, nodeNames(), NodeConfig.PARTITIONS);
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
  }

  private void failIfAnyNodeExited() {
    for (NodeProcess node : nodes) {
      if (!node.running()) {
        throw new IllegalStateException(node.config().name() + " is not running, so the cluster"
            + " in " + workDir + " cannot become ready" + logTails());
      }
    }
  }

  /**
   * Live nodes first; with none live, all of them, because an empty list would make restatectl
   * fall back to its default address and reach some other cluster on this machine.
   */
  private List<URI> liveAddresses() {
    List<URI> live = nodes.stream().filter(NodeProcess::live).map(n -> n.config().address())
        .collect(Collectors.toList());
    return live.isEmpty() ? addresses() : live;
  }

  private Set<String> nodeNames() {
    return nodes.stream().map(n -> n.config().name())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private String logTails() {
    StringBuilder text = new StringBuilder();
    for (NodeProcess node : nodes) {
      text.append("\n--- tail of ").append(node.config().name()).append(".log ---\n")
          .append(node.logTail());
    }
    return text.toString();
  }

  private NodeProcess node(int node) {
    if (node < 1 || node > nodes.size()) {
      throw new IllegalArgumentException("node must be 1.." + nodes.size() + ", got " + node);
    }
    return nodes.get(node - 1);
  }
}
