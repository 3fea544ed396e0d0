package dev.lookout.output.notify;

import dev.lookout.alerts.Alert;
import dev.lookout.config.Receiver;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything for one receiver: its queue and the loop that empties it, one batch at a time. A
 * batch that fails with a retryable outcome is sent again after a backoff before anything queued
 * behind it, so alerts arrive in the order they were sent; a rejected one is logged and dropped.
 */
final class Delivery implements Runnable {
  private static final Logger LOG = Logger.getLogger(Delivery.class.getName());

  private final String name;
  private final URI endpoint;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final Function<List<Alert>, String> encoder;
  private final Settings settings;
  private final Io io;
  private final AlertQueue queue;
  private final NotifyMetrics metrics;
  private volatile boolean overflowing;

  Delivery(Receiver receiver, URI endpoint, Function<List<Alert>, String> encoder,
      Settings settings, Io io, MeterRegistry registry) {
    this.name = receiver.redactedUrl();
    this.endpoint = endpoint;
    this.headers = headers(receiver);
    this.timeout = receiver.timeout();
    this.encoder = encoder;
    this.settings = settings;
    this.io = io;
    this.queue = new AlertQueue(settings.capacity());
    this.metrics = new NotifyMetrics(registry, name, queue);
  }

  String name() {
    return name;
  }

  void enqueue(List<Alert> alerts) {
    int dropped = queue.offer(alerts);
    metrics.count(Result.DROPPED, dropped);
    if (dropped > 0 && !overflowing) {
      overflowing = true;
      LOG.warning(() -> name + ": queue full (" + queue.capacity()
          + " alerts), dropping the oldest until it drains");
    }
  }

  /** Stops taking alerts in; the ones still waiting count as dropped. */
  void closeQueue() {
    metrics.count(Result.DROPPED, queue.close());
  }

  @Override
  public void run() {
    List<Alert> batch = List.of();
    try {
      while (!(batch = queue.take(settings.maxBatch())).isEmpty()) {
        deliverSafely(batch);
        batch = List.of();
      }
    } catch (InterruptedException e) {
      metrics.count(Result.DROPPED, batch.size()); // in flight at shutdown
      Thread.currentThread().interrupt();
    }
  }

  private void deliverSafely(List<Alert> batch) throws InterruptedException {
    try {
      Result result = deliver(batch);
      if (result == Result.SENT) {
        overflowing = false;
      }
    } catch (RuntimeException e) {
      // A bug in encoding one batch must not stop delivery of the next ones.
      LOG.log(Level.SEVERE, name + ": dropped " + batch.size() + " alerts", e);
      metrics.count(Result.DROPPED, batch.size());
    }
  }

  /** Sends one batch until it is accepted, rejected, or held up for too long. */
  Result deliver(List<Alert> batch) throws InterruptedException {
    Transport.Request request = new Transport.Request(endpoint, headers, encoder.apply(batch), timeout);
    Instant first = io.clock().instant();
    for (int retry = 0; ; retry++) {
      Attempt attempt = attempt(request);
      if (!attempt.outcome().retry()) {
        return settle(batch, attempt, retry);
      }
      metrics.count(Result.FAILED, batch.size());
      Duration wait = settings.backoff().delay(retry, io.random().getAsDouble());
      Duration held = Duration.between(first, io.clock().instant()).plus(wait);
      if (held.compareTo(settings.giveUpAfter()) > 0) {
        LOG.warning(() -> name + ": gave up on " + batch.size() + " alerts after "
            + settings.giveUpAfter() + ": " + attempt.detail());
        metrics.count(Result.DROPPED, batch.size());
        return Result.DROPPED;
      }
      logRetry(batch, attempt, retry, wait);
      io.sleeper().sleep(wait);
    }
  }

  private Attempt attempt(Transport.Request request) throws InterruptedException {
    Instant start = io.clock().instant();
    try {
      Transport.Reply reply = io.transport().post(request);
      metrics.latency(Duration.between(start, io.clock().instant()));
      return Attempt.of(reply);
    } catch (IOException e) {
      return Attempt.unreachable(e);
    }
  }

  private Result settle(List<Alert> batch, Attempt attempt, int retries) {
    if (attempt.outcome() == Attempt.Outcome.ACCEPTED) {
      metrics.count(Result.SENT, batch.size());
      if (retries > 0) {
        LOG.info(() -> name + ": delivered " + batch.size() + " alerts after " + retries + " retries");
      }
      return Result.SENT;
    }
    LOG.warning(() -> name + ": rejected " + batch.size() + " alerts, not retrying: " + attempt.detail());
    metrics.count(Result.REJECTED, batch.size());
    return Result.REJECTED;
  }

  // The first failure of a batch is worth a warning; the retries after it only repeat it.
  private void logRetry(List<Alert> batch, Attempt attempt, int retry, Duration wait) {
    Level level = retry == 0 ? Level.WARNING : Level.FINE;
    LOG.log(level, () -> name + ": sending " + batch.size() + " alerts failed (" + attempt.detail()
        + "), retrying in " + wait.toMillis() + "ms");
  }

  private static Map<String, String> headers(Receiver receiver) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "Lookout");
    receiver.credentials().authorization().ifPresent(value -> headers.put("Authorization", value));
    return headers;
  }
}
