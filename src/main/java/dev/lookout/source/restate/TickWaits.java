package dev.lookout.source.restate;

import dev.lookout.source.restate.arrow.ArrowTable;
import io.grpc.Deadline;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long one tick waits for its reads: never past the scrape timeout, and not even that long
 * for what a hung node holds up. A node whose identity probe (a trivial call) is still silent
 * {@link #HUNG_MILLIS} into the tick, while others answered, is hung.
 */
final class TickWaits {
  /** Time past the deadline for answers already on their way to be assembled. */
  private static final long GRACE_MILLIS = 200;
  private static final long HUNG_MILLIS = 1_000;

  private final Deadline deadline;
  private final Deadline hung;
  private final long hungMillis;

  private TickWaits(Duration timeout) {
    this.deadline = Deadline.after(timeout.toMillis(), TimeUnit.MILLISECONDS);
    this.hungMillis = Math.min(HUNG_MILLIS, timeout.toMillis());
    this.hung = Deadline.after(hungMillis, TimeUnit.MILLISECONDS).minimum(deadline);
  }

  /** Starts a tick's clock. */
  static TickWaits start(Duration timeout) {
    return new TickWaits(timeout);
  }

  /** The tick's deadline, which every call is bound to. */
  Deadline deadline() {
    return deadline;
  }

  /**
   * Waits for the cluster reads, but once a node is silent, not for the queries still out: a
   * table that fans out to every node waits on the silent one too, up to the deadline. Last
   * tick's tables ({@code last}) stand in for them, each with a warning.
   */
  void forReads(HedgedReads hedged, NodeReads nodes, Map<Queries, ArrowTable> last) {
    await(hedged.winner(), hung);
    List<URI> silent = nodes.silent();
    ClusterReads best = hedged.best();
    if (!hedged.winner().isDone() && !silent.isEmpty() && best != null && best.has(Queries.NODES)) {
      best.standIn(last, "no answer within " + hungMillis + " ms while " + silent + " is silent");
      if (best.unanswered().isEmpty()) {
        return;
      }
    }
    await(hedged.winner(), deadline);
  }

  /**
   * Waits for every node's reads, but not for a hung one to the deadline: once the peers have
   * answered, a hung node is reported as timed out, and its page is not awaited either.
   */
  void forNodes(NodeReads nodes) {
    await(nodes.allDone(), hung);
    if (!nodes.allDone().isDone() && !deadline.isExpired()) {
      await(nodes.answeredDone(), deadline);
    }
  }

  private static void await(CompletableFuture<?> future, Deadline until) {
    try {
      future.get(until.timeRemaining(TimeUnit.MILLISECONDS) + GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | ExecutionException e) {
      // Whatever did not finish is reported per read when the snapshot is assembled.
    }
  }
}
