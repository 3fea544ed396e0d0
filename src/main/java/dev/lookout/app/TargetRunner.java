package dev.lookout.app;

import dev.lookout.model.History;
import dev.lookout.model.SourceError;
import dev.lookout.model.TargetSnapshot;
import dev.lookout.output.http.TargetStatus;
import dev.lookout.output.metrics.TargetMetrics;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One target's tick, whatever the system: scrape, publish the model as gauges, record the agent's
 * own health. The last snapshot that saw the system is kept when a later tick cannot.
 */
final class TargetRunner<S extends TargetSnapshot> implements AutoCloseable {
  private static final int HISTORY_TICKS = 12;

  /** A target's reader: one snapshot per call, errors as values, never blocking past its timeout. */
  interface Source<S> extends AutoCloseable {
    S scrape(long nowMillis);

    @Override
    void close();
  }

  private final String name;
  private final String type;
  private final Source<S> source;
  private final Consumer<S> publish;
  private final TargetMetrics metrics;
  private final InstantSource clock;
  private final long historyMillis;
  /** Written by the tick, copied by the rules' thread: guarded by itself. */
  private final History<S> history;
  private volatile S latest;
  private volatile S lastGood;
  private volatile long lastTickMillis;
  private volatile double lastDurationSeconds;

  TargetRunner(String name, String type, Source<S> source, Consumer<S> publish, TargetMetrics metrics,
      InstantSource clock, long intervalMillis) {
    this.name = name;
    this.type = type;
    this.source = source;
    this.publish = publish;
    this.metrics = metrics;
    this.clock = clock;
    this.historyMillis = HISTORY_TICKS * intervalMillis;
    this.history = new History<>(HISTORY_TICKS, historyMillis, TargetSnapshot::atMillis);
  }

  void tick() {
    long started = System.nanoTime();
    S snapshot = source.scrape(clock.millis());
    long nanos = System.nanoTime() - started;
    latest = snapshot;
    if (snapshot.readOk()) {
      lastGood = snapshot;
      synchronized (history) {
        history.add(historic(snapshot));
      }
    }
    publish.accept(snapshot);
    metrics.record(snapshot.readOk(), nanos, snapshot.atMillis(), snapshot.errors());
    lastDurationSeconds = nanos / 1e9;
    lastTickMillis = clock.millis();
  }

  /** A snapshot's {@link TargetSnapshot#forHistory}, which is of the snapshot's own kind. */
  @SuppressWarnings("unchecked")
  private S historic(S snapshot) {
    return (S) snapshot.forHistory();
  }

  String name() {
    return name;
  }

  /** The newest snapshot that saw the system, else the newest at all; null before the first tick. */
  S snapshot() {
    return lastGood != null ? lastGood : latest;
  }

  S latest() {
    return latest;
  }

  /** A copy of the recent snapshots that saw the system, for the rules: the tick goes on adding. */
  History<S> history() {
    History<S> copy = new History<>(HISTORY_TICKS, historyMillis, TargetSnapshot::atMillis);
    synchronized (history) {
      history.entries().forEach(copy::add);
    }
    return copy;
  }

  long lastTickMillis() {
    return lastTickMillis;
  }

  TargetStatus status() {
    S s = latest;
    if (s == null) {
      return new TargetStatus(name, type, false, null, 0, List.of("not scraped yet"), null);
    }
    List<String> errors = new ArrayList<>();
    for (SourceError e : s.errors()) {
      errors.add(e.what() + ": " + e.reason().label() + ": " + e.message());
    }
    S good = lastGood;
    return new TargetStatus(name, type, s.readOk(), Instant.ofEpochMilli(s.atMillis()).toString(),
        lastDurationSeconds, errors, good == null ? null : Instant.ofEpochMilli(good.atMillis()).toString());
  }

  @Override
  public void close() {
    source.close();
  }
}
