package dev.lookout.source.restate;

import dev.lookout.model.SourceError;
import dev.lookout.source.restate.arrow.ArrowColumn;
import dev.lookout.source.restate.arrow.ArrowFormatException;
import dev.lookout.source.restate.arrow.ArrowStreamReader;
import dev.lookout.source.restate.arrow.ArrowTable;
import dev.lookout.source.restate.proto.ClusterConfiguration;
import dev.lookout.source.restate.proto.DescribeLogResponse;
import io.grpc.Channel;
import io.grpc.Deadline;
import java.net.URI;
import java.util.ArrayList;
import java.util.Set;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster-wide reads of one tick, all started at once against one admin node: every table
 * query, the cluster configuration, and DescribeLog for the logs due (see {@link DescribedTrims})
 * and for each log new in the tail segments. Each read that fails leaves its slot empty and adds
 * an error; the others are unaffected. The reads are done when all but the DescribeLog calls of
 * already answered logs are: those answers are taken when they come.
 */
final class ClusterReads {
  /**
   * The logs to describe: {@code known} are last tick's (a log of the tails not among them is
   * new), {@code due} those of them to ask again; the answers go to {@code trims}.
   */
  record Logs(List<Integer> known, List<Integer> due, DescribedTrims trims) {}

  private final Map<Queries, ArrowTable> tables = new ConcurrentHashMap<>();
  private final List<SourceError> errors = Collections.synchronizedList(new ArrayList<>());
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private volatile ClusterConfiguration configuration;
  private final CompletableFuture<Void> done;

  /** Called with the `nodes` table as soon as it is decoded, before the reads complete. */
  interface NodesListener {
    void nodes(ArrowTable table) throws ArrowFormatException;
  }

  private final URI address;
  private final DescribedTrims trims;
  private final Set<Integer> described = ConcurrentHashMap.newKeySet();
  private final Map<Queries, CompletableFuture<Void>> queries = new EnumMap<>(Queries.class);
  /** Queries whose table is last tick's, standing in for an answer that did not come. */
  private final Set<Queries> stoodIn = ConcurrentHashMap.newKeySet();

  private ClusterReads(URI address, Channel channel, Deadline deadline, Logs logs,
      Map<Queries, ArrowTable> cached, NodesListener listener) {
    this.address = address;
    this.trims = logs.trims();
    this.tables.putAll(cached);
    for (Queries q : Queries.ALL) {
      queries.put(q, cached.containsKey(q) ? CompletableFuture.completedFuture(null)
          : ControlCalls.query(channel, deadline, q.sql())
              .thenAccept(result -> store(q, result))
              .exceptionally(t -> fail("query " + q.table(), t)));
    }
    queries.compute(Queries.NODES, (q, f) -> f.thenRun(() -> notify(listener)));
    CompletableFuture<Void> config = ControlCalls.getClusterConfiguration(channel, deadline)
        .thenAccept(r -> configuration = r.getClusterConfiguration())
        .exceptionally(t -> fail("GetClusterConfiguration", t));
    // Logs rarely change: ask for last tick's logs that are due now, and for any new one once the
    // tails are in; the rest of last tick's logs keep their last answer.
    CompletableFuture<Void> known = describe(channel, deadline, logs.due());
    described.addAll(logs.known());
    CompletableFuture<Void> trims = queries.get(Queries.TAIL_SEGMENTS)
        .thenCompose(ignored -> describeLogs(channel, deadline)).thenCombine(known, (a, b) -> null);
    List<CompletableFuture<Void>> all = new ArrayList<>(queries.values());
    all.add(config);
    all.add(trims);
    this.done = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  /** {@code cached} tables are taken as read and not queried again. */
  static ClusterReads start(URI address, Channel channel, Deadline deadline, Logs logs,
      Map<Queries, ArrowTable> cached, NodesListener listener) {
    return new ClusterReads(address, channel, deadline, logs, cached, listener);
  }

  private void notify(NodesListener listener) {
    ArrowTable nodes = tables.get(Queries.NODES);
    if (nodes != null) {
      try {
        listener.nodes(nodes);
      } catch (ArrowFormatException | RuntimeException e) {
        fail("discover nodes", e);
      }
    }
  }

  private void store(Queries q, QueryResult result) {
    try {
      // A table stood in for this one meanwhile stays: the tick already read it.
      tables.putIfAbsent(q, ArrowStreamReader.read(result.arrowStream().asReadOnlyByteBuffer()));
      for (String w : result.warnings()) {
        warnings.add(q.table() + ": " + w);
      }
    } catch (Exception e) {
      fail("query " + q.table(), e);
    }
  }

  private CompletableFuture<Void> describeLogs(Channel channel, Deadline deadline) {
    ArrowTable tails = tables.get(Queries.TAIL_SEGMENTS);
    if (tails == null) {
      return CompletableFuture.completedFuture(null);
    }
    List<Integer> logs = new ArrayList<>(tails.rowCount());
    try {
      ArrowColumn logIds = tails.column("log_id");
      for (int row = 0; row < tails.rowCount(); row++) {
        logs.add((int) logIds.longValue(row));
      }
    } catch (ArrowFormatException | RuntimeException e) {
      fail("DescribeLog", e);
    }
    return describe(channel, deadline, logs);
  }

  /**
   * DescribeLog for each log not asked yet this tick; completes when those never answered before
   * are (a failure after the tick is reported by none: the log is asked again within a minute).
   */
  private CompletableFuture<Void> describe(Channel channel, Deadline deadline, List<Integer> logs) {
    List<CompletableFuture<Void>> awaited = new ArrayList<>();
    for (int log : logs) {
      if (described.add(log)) {
        boolean answered = trims.answered(log);
        CompletableFuture<Void> call = ControlCalls.describeLog(channel, deadline, log)
            .thenAccept((DescribeLogResponse r) -> trims.answer(log, r.getTrimPoint()))
            .exceptionally(t -> fail("DescribeLog " + log, t));
        if (!answered) {
          awaited.add(call);
        }
      }
    }
    return CompletableFuture.allOf(awaited.toArray(CompletableFuture[]::new));
  }

  private Void fail(String what, Throwable t) {
    errors.add(Failures.of(what, t));
    return null;
  }

  CompletableFuture<Void> done() {
    return done;
  }

  /**
   * Stands {@code last} tick's tables in for the queries still unanswered, each with a warning
   * saying {@code why}: for a tick that stops waiting for reads a silent node holds up.
   */
  void standIn(Map<Queries, ArrowTable> last, String why) {
    for (Queries q : Queries.ALL) {
      ArrowTable table = last.get(q);
      if (!queries.get(q).isDone() && table != null && tables.putIfAbsent(q, table) == null) {
        stoodIn.add(q);
        warnings.add(q.table() + ": " + why + "; last tick's table is shown");
      }
    }
  }

  /** The queries neither answered nor stood in for yet. */
  List<String> unanswered() {
    List<String> tables = new ArrayList<>();
    for (Queries q : Queries.ALL) {
      if (!queries.get(q).isDone() && !stoodIn.contains(q)) {
        tables.add(q.table());
      }
    }
    return tables;
  }

  URI address() {
    return address;
  }

  int tableCount() {
    return tables.size();
  }

  /** True when every named table was read. */
  boolean has(Queries... queries) {
    for (Queries q : queries) {
      if (!tables.containsKey(q)) {
        return false;
      }
    }
    return true;
  }

  ArrowTable table(Queries q) {
    return tables.get(q);
  }

  /** Every table read (or stood in) so far. */
  Map<Queries, ArrowTable> tables() {
    return Map.copyOf(tables);
  }

  ClusterConfiguration configuration() {
    return configuration;
  }

  List<SourceError> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  List<String> warnings() {
    synchronized (warnings) {
      return List.copyOf(warnings);
    }
  }
}
