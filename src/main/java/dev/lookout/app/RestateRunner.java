package dev.lookout.app;

import dev.lookout.model.History;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.SourceError;
import dev.lookout.output.http.TargetStatus;
import dev.lookout.output.metrics.RestateGauges;
import dev.lookout.output.metrics.TargetMetrics;
import dev.lookout.source.restate.RestateSource;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * One Restate target's tick: scrape, publish the model as gauges, record the agent's own health.
 * The last snapshot that read the cluster tables is kept when a later tick cannot read them.
 */
final class RestateRunner implements AutoCloseable {
  private static final int HISTORY_TICKS = 12;

  private final String name;
  private final RestateSource source;
  private final RestateGauges gauges;
  private final TargetMetrics metrics;
  private final InstantSource clock;
  private final History<RestateSnapshot> history;
  private volatile RestateSnapshot latest;
  private volatile RestateSnapshot lastGood;
  private volatile long lastTickMillis;
  private volatile double lastDurationSeconds;

  RestateRunner(String name, RestateSource source, RestateGauges gauges, TargetMetrics metrics,
      InstantSource clock, long intervalMillis) {
    this.name = name;
    this.source = source;
    this.gauges = gauges;
    this.metrics = metrics;
    this.clock = clock;
    this.history = new History<>(HISTORY_TICKS, HISTORY_TICKS * intervalMillis, RestateSnapshot::atMillis);
  }

  void tick() {
    long started = System.nanoTime();
    RestateSnapshot snapshot = source.scrape(clock.millis());
    long nanos = System.nanoTime() - started;
    latest = snapshot;
    if (snapshot.tablesRead()) {
      lastGood = snapshot;
      history.add(snapshot);
    }
    gauges.update(snapshot);
    metrics.record(snapshot.tablesRead(), nanos, snapshot.atMillis(), snapshot.errors());
    lastDurationSeconds = nanos / 1e9;
    lastTickMillis = clock.millis();
  }

  String name() {
    return name;
  }

  /** The newest snapshot that read the cluster, else the newest at all; null before the first tick. */
  RestateSnapshot snapshot() {
    return lastGood != null ? lastGood : latest;
  }

  RestateSnapshot latest() {
    return latest;
  }

  /** Recent snapshots that read the cluster; owned by the tick thread, read by the rules in it. */
  History<RestateSnapshot> history() {
    return history;
  }

  long lastTickMillis() {
    return lastTickMillis;
  }

  TargetStatus status() {
    RestateSnapshot s = latest;
    if (s == null) {
      return new TargetStatus(name, "restate", false, null, 0, List.of("not scraped yet"));
    }
    List<String> errors = new ArrayList<>();
    for (SourceError e : s.errors()) {
      errors.add(e.what() + ": " + e.reason().label() + ": " + e.message());
    }
    return new TargetStatus(name, "restate", s.tablesRead(), Instant.ofEpochMilli(s.atMillis()).toString(),
        lastDurationSeconds, errors);
  }

  @Override
  public void close() {
    source.close();
  }
}
