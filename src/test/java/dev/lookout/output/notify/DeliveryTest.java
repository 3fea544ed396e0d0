package dev.lookout.output.notify;

import static dev.lookout.output.notify.TestAlerts.firing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lookout.alerts.Alert;
import dev.lookout.config.Receiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One receiver's queue and retry loop, on a fake clock with a sleeper that only advances it. */
class DeliveryTest {
  private static final Receiver AM = new Receiver(URI.create("http://am:9093"));
  private static final String NAME = "http://am:9093";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<Transport.Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Object> replies = new ArrayDeque<>(); // Integer status or IOException
  private volatile Instant now = TestAlerts.NOON;

  private final Transport transport = request -> {
    requests.add(request);
    now = now.plusMillis(20); // every exchange takes 20ms on the fake clock
    Object next = replies.isEmpty() ? 200 : replies.removeFirst();
    if (next instanceof IOException e) {
      throw e;
    }
    return new Transport.Reply((Integer) next, "{\"error\":\"bad alert\"}");
  };

  private Delivery delivery(Settings settings, double random) {
    InstantSource clock = () -> now;
    Io io = new Io(transport, clock, d -> {
      sleeps.add(d);
      now = now.plus(d);
    }, () -> random);
    return new Delivery(AM, URI.create(NAME + "/api/v2/alerts"), batch -> "n=" + batch.size(),
        settings, io, registry);
  }

  @Test
  void retriesConnectionErrorsAnd5xxWithDoublingBackoffUpTo30s() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      replies.add(new ConnectException("Connection refused"));
      replies.add(503);
    }
    Result result = delivery(Settings.DEFAULT, 0).deliver(List.of(firing("N1"), firing("N2")));
    assertEquals(Result.SENT, result);
    assertEquals(List.of(ms(500), ms(1000), ms(2000), ms(4000), ms(8000), ms(16000), ms(30000),
        ms(30000)), sleeps);
    assertEquals(9, requests.size());
    assertEquals(16.0, count("failed"));
    assertEquals(2.0, count("sent"));
    // Latency is the time to a reply; the four refused connections had none.
    assertEquals(5, registry.get("lookout.notification.latency").timer().count());
    assertEquals(0.02, registry.get("lookout.notification.latency").timer().max(
        java.util.concurrent.TimeUnit.SECONDS), 1e-9);
  }

  @Test
  void jitterShortensEachWaitByUpToAFifth() throws InterruptedException {
    replies.addAll(List.of(500, 502, 429, 408));
    delivery(Settings.DEFAULT, 0.5).deliver(List.of(firing("N1")));
    assertEquals(List.of(ms(450), ms(900), ms(1800), ms(3600)), sleeps);
  }

  @Test
  void clientErrorsAreRejectedOnceWithoutRetry() throws InterruptedException {
    replies.add(400);
    Result result = delivery(Settings.DEFAULT, 0).deliver(List.of(firing("N1"), firing("N2")));
    assertEquals(Result.REJECTED, result);
    assertEquals(1, requests.size());
    assertEquals(List.of(), sleeps);
    assertEquals(2.0, count("rejected"));
    assertEquals(0.0, count("failed"));
  }

  @Test
  void aBatchTheReceiverKeepsFailingIsDroppedAfterGiveUpAfter() throws InterruptedException {
    IntStream.range(0, 100).forEach(i -> replies.add(500));
    Settings settings = new Settings(10, 64, Backoff.DEFAULT, Duration.ofMinutes(2));
    Result result = delivery(settings, 0).deliver(List.of(firing("N1")));
    assertEquals(Result.DROPPED, result);
    // 0.5+1+2+4+8+16+30+30 = 91.5s waited; the next 30s wait would pass two minutes.
    assertEquals(8, sleeps.size());
    assertEquals(9.0, count("failed"));
    assertEquals(1.0, count("dropped"));
  }

  @Test
  void aFullQueueDropsTheOldestAndCountsThem() throws InterruptedException {
    Delivery delivery = delivery(new Settings(3, 2, Backoff.DEFAULT, Duration.ofMinutes(1)), 0);
    delivery.enqueue(List.of(firing("N1"), firing("N2")));
    delivery.enqueue(List.of(firing("N3"), firing("N4"), firing("N5")));
    assertEquals(2.0, count("dropped"));
    assertEquals(3.0, gauge("lookout.notification.queue.length"));
    assertEquals(3.0, gauge("lookout.notification.queue.capacity"));
    Thread sender = new Thread(delivery);
    sender.start();
    waitFor(() -> requests.size() == 2);
    delivery.closeQueue();
    sender.join(5000);
    assertEquals(List.of("n=2", "n=1"), requests.stream().map(Transport.Request::body).toList());
    assertEquals(3.0, count("sent"));
  }

  @Test
  void queueKeepsTheNewestWhenOneOfferExceedsItsCapacity() throws InterruptedException {
    AlertQueue queue = new AlertQueue(2);
    assertEquals(1, queue.offer(List.of(firing("N1"), firing("N2"), firing("N3"))));
    List<Alert> batch = queue.take(10);
    assertEquals(List.of(firing("N2"), firing("N3")), batch);
    assertEquals(0, queue.offer(List.of(firing("N1"), firing("N2"))));
    assertEquals(2, queue.close());
    assertEquals(1, queue.offer(List.of(firing("N1"))));
    assertEquals(List.of(), queue.take(10));
    assertThrows(IllegalArgumentException.class, () -> new AlertQueue(0));
  }

  @Test
  void aNewerStateOfAWaitingAlertReplacesItInItsPlace() throws InterruptedException {
    AlertQueue queue = new AlertQueue(10);
    assertEquals(0, queue.offer(List.of(firing("N1"), firing("N2"))));
    assertEquals(0, queue.offer(List.of(TestAlerts.resolved("N1"))));
    assertEquals(2, queue.size());
    assertEquals(List.of(TestAlerts.resolved("N1"), firing("N2")), queue.take(10));
  }

  @Test
  void resendsWhileTheReceiverIsDownNeitherGrowTheQueueNorDropAnything() {
    Delivery delivery = delivery(new Settings(3, 64, Backoff.DEFAULT, Duration.ofMinutes(1)), 0);
    for (int resend = 0; resend < 100; resend++) {
      delivery.enqueue(List.of(firing("N1"), firing("N2"), firing("N3")));
    }
    assertEquals(3.0, gauge("lookout.notification.queue.length"));
    assertEquals(0.0, count("dropped"));
    delivery.enqueue(List.of(firing("N4"), firing("N5")));
    assertEquals(2.0, count("dropped"), "exactly the alerts beyond the capacity");
  }

  @Test
  void everyResultSeriesStartsAtZero() {
    delivery(Settings.DEFAULT, 0);
    for (String result : List.of("sent", "failed", "dropped", "rejected")) {
      assertEquals(0.0, count(result), result);
    }
    assertEquals(10_000.0, gauge("lookout.notification.queue.capacity"));
    assertEquals(0.0, gauge("lookout.notification.queue.length"));
  }

  @Test
  void backoffNeverOverflows() {
    assertEquals(ms(30000), Backoff.DEFAULT.delay(1000, 0));
    assertEquals(ms(27000), Backoff.DEFAULT.delay(63, 0.5));
  }

  private double count(String result) {
    return registry.get("lookout.notifications").tags("receiver", NAME, "result", result)
        .counter().count();
  }

  private double gauge(String name) {
    return registry.get(name).tag("receiver", NAME).gauge().value();
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    waitFor(condition, 10);
  }

  static void waitFor(java.util.function.BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + seconds + "s");
      }
      Thread.sleep(10);
    }
  }
}
