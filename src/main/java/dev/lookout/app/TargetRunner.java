package dev.lookout.app;

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
  private volatile S latest;
  private volatile S lastGood;
  private volatile long lastTickMillis;
  private volatile double lastDurationSeconds;

  TargetRunner(String name, String type, Source<S> source, Consumer<S> publish, TargetMetrics metrics,
      InstantSource clock) {
    this.name = name;
    this.type = type;
    this.source = source;
    this.publish = publish;
    this.metrics = metrics;
    this.clock = clock;
  }

  void tick() {
    long started = System.nanoTime();
    S snapshot = source.scrape(clock.millis());
    long nanos = System.nanoTime() - started;
    latest = snapshot;
    if (snapshot.readOk()) {
      lastGood = snapshot;
    }
    publish.accept(snapshot);
    metrics.record(snapshot.readOk(), nanos, snapshot.atMillis(), snapshot.errors());
    lastDurationSeconds = nanos / 1e9;
    lastTickMillis = clock.millis();
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
