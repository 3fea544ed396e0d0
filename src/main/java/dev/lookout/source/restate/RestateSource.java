package dev.lookout.source.restate;

import dev.lookout.model.ClusterConfig;
import dev.lookout.model.LabelSets;
import dev.lookout.model.Log;
import dev.lookout.model.Node;
import dev.lookout.model.Partition;
import dev.lookout.model.Probe;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.model.SourceError;
import dev.lookout.source.restate.arrow.ArrowColumn;
import dev.lookout.source.restate.arrow.ArrowFormatException;
import dev.lookout.source.restate.arrow.ArrowTable;
import dev.lookout.tls.TlsMaterial;
import com.github.benmanes.caffeine.cache.Ticker;
import io.grpc.Deadline;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Reads one Restate cluster per tick over its control API and each node's /metrics. Every node
 * is probed in parallel; the cluster tables are read from the first admin node that answers, so
 * a dead or hung node never blocks the tick. Nothing takes longer than the scrape timeout.
 */
public final class RestateSource implements AutoCloseable {
  /** After this long without a complete answer from the preferred node, ask another one too. */
  private static final long HEDGE_MILLIS = 250;

  private final String target;
  private final List<URI> configured;
  private final Duration timeout;
  private final NodeChannels channels;
  private final MetricsPages pages;
  private final Map<URI, Integer> knownIds = new ConcurrentHashMap<>();
  private volatile List<URI> discovered = List.of();
  /** The node that served the last tick's cluster reads; asked first, without waiting for its probe. */
  private volatile URI preferred;
  /** Log ids of the last tick, so their DescribeLog calls need not wait for the log tables. */
  private volatile List<Integer> knownLogs = List.of();
  private final TableCache cache;
  /** Which logs to describe each tick, and the last answers of the others. */
  private final DescribedTrims trims = new DescribedTrims();
  /** The tables last tick read, to stand in for answers a silent node holds up. */
  private Map<Queries, ArrowTable> lastTables = Map.of();

  public RestateSource(String target, List<URI> addresses, Duration timeout, Executor executor) {
    this(target, addresses, timeout, executor, Optional.empty());
  }

  /** With {@code tls}, every TCP connection to the nodes (gRPC and /metrics) uses TLS. */
  public RestateSource(String target, List<URI> addresses, Duration timeout, Executor executor,
      Optional<TlsMaterial> tls) {
    this(target, addresses, timeout, new NodeChannels(tls), MetricsPages.overNetwork(executor, tls),
        Ticker.systemTicker());
  }

  RestateSource(String target, List<URI> addresses, Duration timeout, NodeChannels channels,
      MetricsPages pages, Ticker ticker) {
    this.cache = new TableCache(ticker);
    this.target = target;
    this.configured = List.copyOf(addresses);
    this.timeout = timeout;
    this.channels = channels;
    this.pages = pages;
  }

  public RestateSnapshot scrape(long nowMillis) {
    TickWaits waits = TickWaits.start(timeout);
    Deadline deadline = waits.deadline();
    NodeReads nodes = new NodeReads(address -> probe(address, deadline),
        address -> pages.fetch(address, timeout, label(address)));
    addresses().forEach(nodes::start);
    ClusterReads.Logs logs = new ClusterReads.Logs(knownLogs, trims.due(knownLogs), trims);
    Map<Queries, ArrowTable> cached = cache.fresh();
    HedgedReads hedged = HedgedReads.run(preferred, nodes, address -> ClusterReads.start(address,
        channels.get(address), deadline, logs, cached, table -> discover(table, nodes)), hedgeMillis());
    // The cluster reads start probes of newly seen nodes before they complete: await them first.
    waits.forReads(hedged, nodes, lastTables);
    waits.forNodes(nodes);
    ClusterReads reads = hedged.best();
    preferred = reads != null && reads.has(Queries.NODES) ? reads.address() : null;
    if (reads != null) {
      cache.keep(reads);
      lastTables = reads.tables();
    }
    return assemble(nowMillis, nodes, reads);
  }

  /** Long enough for a healthy node to answer every read, short enough to leave time to retry. */
  private long hedgeMillis() {
    return Math.min(HEDGE_MILLIS, timeout.toMillis() / 4);
  }

  private List<URI> addresses() {
    List<URI> all = new ArrayList<>(configured);
    for (URI uri : discovered) {
      if (!all.contains(uri)) {
        all.add(uri);
      }
    }
    return all;
  }

  private CompletableFuture<ProbeResult> probe(URI address, Deadline deadline) {
    int lastId = knownIds.getOrDefault(address, -1);
    return ControlCalls.getIdent(channels.get(address), deadline)
        .thenApply(ident -> {
          ProbeResult result = new ProbeResult(address, Probe.OK, ident, lastId);
          if (result.nodeId() >= 0) {
            knownIds.put(address, result.nodeId());
          }
          return result;
        })
        .exceptionally(t -> new ProbeResult(address, probeOf(t), null, lastId,
            Failures.of("GetIdent", t)));
  }

  private static Probe probeOf(Throwable t) {
    return Failures.reason(Failures.unwrap(t)) == SourceError.Reason.TIMEOUT
        ? Probe.TIMEOUT : Probe.UNREACHABLE;
  }

  private RestateSnapshot assemble(long nowMillis, NodeReads nodes, ClusterReads reads) {
    List<SourceError> errors = new ArrayList<>();
    List<ProbeResult> probes = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    for (NodeReads.Entry e : nodes.entries()) {
      ProbeResult p = e.probe().getNow(new ProbeResult(e.address(), Probe.TIMEOUT, null,
          knownIds.getOrDefault(e.address(), -1)));
      probes.add(p);
      if (p.failure() != null && p.failure().reason() == SourceError.Reason.TLS) {
        errors.add(new SourceError(label(p) + " GetIdent", p.failure().reason(),
            p.failure().message()));
      } else if (p.probe() != Probe.OK) {
        errors.add(new SourceError(label(p) + " GetIdent", p.probe() == Probe.TIMEOUT
            ? SourceError.Reason.TIMEOUT : SourceError.Reason.UNREACHABLE, "node did not answer"));
      }
      addPage(label(p), e.page(), samples, errors);
    }
    if (reads == null) {
      errors.add(new SourceError("cluster tables", SourceError.Reason.UNAVAILABLE,
          "no admin node answered among " + addresses()));
      return new RestateSnapshot(target, nowMillis, null, List.of(), List.of(), List.of(), List.of(),
          ClusterConfig.UNKNOWN, samples, errors, List.of());
    }
    return fromTables(nowMillis, reads, reads.address().toString(), probes, samples, errors);
  }

  private RestateSnapshot fromTables(long nowMillis, ClusterReads reads, String queried,
      List<ProbeResult> probes, List<Sample> samples, List<SourceError> errors) {
    List<String> unanswered = reads.unanswered();
    if (!reads.done().isDone() && !unanswered.isEmpty()) {
      errors.add(new SourceError("cluster tables", SourceError.Reason.TIMEOUT,
          "no answer within " + timeout.toMillis() + " ms for " + unanswered));
    }
    errors.addAll(reads.errors());
    List<Node> nodes = assemble("nodes", errors, List.of(), reads.has(Queries.NODES),
        () -> NodeAssembler.nodes(reads.table(Queries.NODES), probes));
    Map<Integer, Node> byId = new LinkedHashMap<>();
    nodes.forEach(n -> byId.put(n.id(), n));
    List<Log> logs = assemble("logs", errors, List.of(),
        reads.has(Queries.TAIL_SEGMENTS, Queries.LOGS, Queries.LOGLET_WORKERS),
        () -> LogAssembler.logs(reads.table(Queries.LOGS), reads.table(Queries.TAIL_SEGMENTS),
            reads.table(Queries.LOGLET_WORKERS), trims.current(), byId));
    List<Partition> partitions = assemble("partitions", errors, List.of(),
        reads.has(Queries.PARTITIONS, Queries.REPLICA_SET),
        () -> PartitionAssembler.partitions(reads.table(Queries.PARTITIONS), reads.table(Queries.REPLICA_SET)));
    List<Replica> replicas = assemble("replicas", errors, List.of(), reads.has(Queries.PARTITION_STATE),
        () -> PartitionAssembler.replicas(reads.table(Queries.PARTITION_STATE)));
    ClusterConfig config = assemble("config", errors, ClusterConfig.UNKNOWN, true,
        () -> ConfigAssembler.config(reads.table(Queries.CONFIG), reads.configuration()));
    if (!logs.isEmpty()) {
      knownLogs = logs.stream().map(Log::id).toList();
      trims.seen(logs);
    }
    return new RestateSnapshot(target, nowMillis, queried, nodes, logs, partitions, replicas,
        config, samples, errors, reads.warnings());
  }

  /** Builds one kind of entity; a table of the wrong shape costs only that kind, as an error. */
  private static <T> T assemble(String what, List<SourceError> errors, T fallback, boolean tablesRead,
      Assembly<T> assembly) {
    if (!tablesRead) {
      return fallback;
    }
    try {
      return assembly.build();
    } catch (ArrowFormatException | RuntimeException e) {
      errors.add(new SourceError("assemble " + what, SourceError.Reason.BAD_RESPONSE, e.getMessage()));
      return fallback;
    }
  }

  private interface Assembly<T> {
    T build() throws ArrowFormatException;
  }

  private static void addPage(String node, CompletableFuture<MetricsPages.Page> page,
      List<Sample> samples, List<SourceError> errors) {
    if (!page.isDone()) {
      errors.add(new SourceError(node + " /metrics", SourceError.Reason.TIMEOUT, "no answer in time"));
      return;
    }
    try {
      MetricsPages.Page p = page.join();
      if (p.node().equals(node)) {
        samples.addAll(p.samples());
      } else {
        p.samples().forEach(s -> samples.add(withNode(s, node)));
      }
      p.droppedFamilies().forEach(d -> errors.add(new SourceError(node + " /metrics",
          SourceError.Reason.BAD_RESPONSE, "malformed family " + d + " dropped")));
    } catch (RuntimeException ex) {
      errors.add(Failures.of(node + " /metrics", ex));
    }
  }

  private static Sample withNode(Sample s, String node) {
    return new Sample(s.name(), LabelSets.with(s.labels(), "node", node), s.value());
  }

  /** The node label its page is read with: as {@link #label(ProbeResult)} by what is known so far. */
  private String label(URI address) {
    return label(knownIds.getOrDefault(address, -1), address);
  }

  private static String label(ProbeResult p) {
    return label(p.nodeId(), p.address());
  }

  /** "N2" when the address's node is known, else the address itself. */
  private static String label(int nodeId, URI address) {
    return nodeId >= 0 ? "N" + nodeId : address.toString();
  }

  /**
   * Probes, in this same tick, the nodes the `nodes` table names that no address reaches yet,
   * and remembers them so later ticks probe them from the start. This is how the agent still
   * finds the cluster when every configured node is down.
   */
  private void discover(ArrowTable table, NodeReads nodes) throws ArrowFormatException {
    List<URI> found = new ArrayList<>();
    ArrowColumn ids = table.column("plain_node_id");
    ArrowColumn addresses = table.column("address");
    for (int row = 0; row < table.rowCount(); row++) {
      String address = addresses.string(row);
      if (address == null || !address.startsWith("http") || reached(NodeIds.plain(ids.string(row)))) {
        continue;
      }
      URI uri = URI.create(address.replaceAll("/$", ""));
      if (!configured.contains(uri)) {
        found.add(uri);
        nodes.start(uri);
      }
    }
    discovered = List.copyOf(found);
  }

  /** True when a configured address already answers as this node. */
  private boolean reached(int nodeId) {
    for (URI uri : configured) {
      if (Integer.valueOf(nodeId).equals(knownIds.get(uri))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    channels.close();
  }
}
