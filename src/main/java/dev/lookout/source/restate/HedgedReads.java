package dev.lookout.source.restate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Picks the node that serves a tick's cluster reads without waiting for the probes: the node
 * that served the last tick is asked at once (saving a round trip). If it has not finished within
 * the hedge delay, or failed, the same reads start on the first other admin node that answers
 * its probe, and whichever complete read set comes first wins.
 */
final class HedgedReads {
  private final NodeReads nodes;
  private final Function<URI, ClusterReads> start;
  private final CompletableFuture<ClusterReads> winner = new CompletableFuture<>();
  private final List<ClusterReads> started = new ArrayList<>();
  private final AtomicBoolean hedged = new AtomicBoolean();
  private final AtomicInteger running = new AtomicInteger();
  private volatile boolean hedgeDecided;

  private HedgedReads(NodeReads nodes, Function<URI, ClusterReads> start) {
    this.nodes = nodes;
    this.start = start;
  }

  /** Starts the reads; {@code preferred} may be null (then the first admin node to answer serves). */
  static HedgedReads run(URI preferred, NodeReads nodes, Function<URI, ClusterReads> start, long hedgeMillis) {
    HedgedReads h = new HedgedReads(nodes, start);
    if (preferred == null) {
      h.hedge(null);
    } else {
      h.launch(preferred).done().thenRun(() -> h.hedge(preferred));
      CompletableFuture.delayedExecutor(hedgeMillis, TimeUnit.MILLISECONDS).execute(() -> h.hedge(preferred));
    }
    return h;
  }

  private ClusterReads launch(URI address) {
    running.incrementAndGet();
    ClusterReads reads = start.apply(address);
    synchronized (started) {
      started.add(reads);
    }
    reads.done().thenRun(() -> {
      if (reads.has(Queries.NODES)) {
        winner.complete(reads);
      }
      running.decrementAndGet();
      giveUpIfNothingLeft();
    });
    return reads;
  }

  /** At most once, and only while no read set has won: ask the first other admin node. */
  private void hedge(URI exclude) {
    if (winner.isDone() || !hedged.compareAndSet(false, true)) {
      return;
    }
    nodes.firstQueryable(exclude).thenAccept(p -> {
      if (p != null && !winner.isDone()) {
        launch(p.address());
      }
      hedgeDecided = true;
      giveUpIfNothingLeft();
    });
  }

  /** With no read set running and no other node to ask, the tick has no cluster state: say so now. */
  private void giveUpIfNothingLeft() {
    if (hedgeDecided && running.get() == 0) {
      winner.complete(null);
    }
  }

  /** Completes with the first read set that read the `nodes` table, or null when none can. */
  CompletableFuture<ClusterReads> winner() {
    return winner;
  }

  /** The winner, or else the started read set that read the most tables; null if none started. */
  ClusterReads best() {
    ClusterReads w = winner.getNow(null);
    if (w != null) {
      return w;
    }
    synchronized (started) {
      return started.stream().max((a, b) -> Integer.compare(a.tableCount(), b.tableCount())).orElse(null);
    }
  }
}
