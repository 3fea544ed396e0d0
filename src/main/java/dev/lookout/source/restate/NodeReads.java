package dev.lookout.source.restate;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The per-node reads of one tick: an identity probe and a /metrics page per address. Addresses
 * may be added while the tick runs (nodes learnt from the `nodes` table), at most once each.
 */
final class NodeReads {
  record Entry(URI address, CompletableFuture<ProbeResult> probe, CompletableFuture<MetricsPages.Page> page) {}

  private final Map<URI, Entry> entries = new LinkedHashMap<>();
  private final Function<URI, CompletableFuture<ProbeResult>> probe;
  private final Function<URI, CompletableFuture<MetricsPages.Page>> page;

  NodeReads(Function<URI, CompletableFuture<ProbeResult>> probe,
      Function<URI, CompletableFuture<MetricsPages.Page>> page) {
    this.probe = probe;
    this.page = page;
  }

  /** Starts both reads of an address unless they already run; true if started. */
  synchronized boolean start(URI address) {
    if (entries.containsKey(address)) {
      return false;
    }
    entries.put(address, new Entry(address, probe.apply(address), page.apply(address)));
    return true;
  }

  synchronized List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  /** Completes when every read started so far has finished, failed or not. */
  CompletableFuture<Void> allDone() {
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (Entry e : entries()) {
      all.add(e.probe());
      all.add(e.page());
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  /**
   * Completes when the reads of every node whose probe has answered by now are done: what is
   * left is the silent nodes, whose pages cannot come either. Done at once when no probe answered.
   */
  CompletableFuture<Void> answeredDone() {
    List<CompletableFuture<?>> all = new ArrayList<>();
    boolean anyAnswered = false;
    for (Entry e : entries()) {
      if (e.probe().isDone()) {
        anyAnswered = true;
        all.add(e.page());
      }
    }
    return anyAnswered ? CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        : new CompletableFuture<>();
  }

  /** The addresses whose probe has not answered yet. */
  List<URI> silent() {
    List<URI> silent = new ArrayList<>();
    for (Entry e : entries()) {
      if (!e.probe().isDone()) {
        silent.add(e.address());
      }
    }
    return silent;
  }

  /**
   * The first probe to answer as a live admin node other than {@code exclude} (may be null);
   * null once all answered and none can.
   */
  CompletableFuture<ProbeResult> firstQueryable(URI exclude) {
    CompletableFuture<ProbeResult> chosen = new CompletableFuture<>();
    List<CompletableFuture<ProbeResult>> probes = new ArrayList<>();
    for (Entry e : entries()) {
      if (e.address().equals(exclude)) {
        continue;
      }
      probes.add(e.probe());
      e.probe().thenAccept(r -> {
        if (r.canQuery()) {
          chosen.complete(r);
        }
      });
    }
    CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
        .whenComplete((ignored, error) -> chosen.complete(null));
    return chosen;
  }
}
