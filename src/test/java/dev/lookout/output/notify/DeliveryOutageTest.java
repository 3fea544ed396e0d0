package dev.lookout.output.notify;

import static dev.lookout.output.notify.TestAlerts.firing;
import static dev.lookout.output.notify.TestAlerts.resolved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.alerts.Alert;
import dev.lookout.config.Receiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A webhook that fails for many retry rounds (answers 500, stalls past the timeout, or is down)
 * while alerts keep firing, re-sending and resolving; backoffs are short so that "minutes" of
 * retries fit in seconds. Once it is back every alert's newest state arrives, each exactly once
 * after the batch that was in flight, and nothing is dropped within the queue's bound.
 */
class DeliveryOutageTest {
  private static final int PORT = 25510;
  private static final Duration TIMEOUT = Duration.ofMillis(250);
  private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(80), 0.2);
  private static final int MIN_FAILED_ROUNDS = 20;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private FlakyReceiver receiver;
  private Notifier notifier;
  private String name;

  @AfterEach
  void stop() {
    if (notifier != null) {
      notifier.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @ParameterizedTest
  @EnumSource(value = FlakyReceiver.Mode.class, names = {"FAIL_500", "STALL", "DOWN"})
  void everyAlertsNewestStateArrivesOnceTheReceiverIsBack(FlakyReceiver.Mode outage)
      throws Exception {
    start(1000);
    List<Alert> before = alerts("A", 1, 10, false);
    notifier.send(before);
    DeliveryTest.waitFor(() -> count("sent") == 10);

    receiver.mode(outage);
    Map<Map<String, String>, Alert> newest = new LinkedHashMap<>();
    for (int round = 0; count("failed") < 10.0 * MIN_FAILED_ROUNDS; round++) {
      List<Alert> now = new ArrayList<>(alerts("A", 1, 10, round >= 3 ? 3 : 0));
      if (round >= 5) {
        now.addAll(alerts("B", 1, 5, false)); // fired during the outage
      }
      notifier.send(now);
      now.forEach(a -> newest.put(a.labels(), a));
      Thread.sleep(20);
    }
    int deliveredBefore = receiver.delivered().size();
    receiver.mode(FlakyReceiver.Mode.ACCEPT);
    DeliveryTest.waitFor(() -> queueLength() == 0 && count("sent") == 10 + 10 + newest.size());

    List<JsonNode> after = receiver.delivered().subList(deliveredBefore, receiver.delivered().size());
    System.out.printf("outage %s: %d failed attempts (%d refused by the receiver), then %d "
        + "messages with %d alerts%n", outage, (long) count("failed") / 10, receiver.refused(),
        after.size(), alertsIn(after).size());
    assertEquals(before.stream().map(DeliveryOutageTest::summary).toList(),
        alertsIn(after.subList(0, 1)), "first the batch that was in flight");
    assertEquals(newest.values().stream().map(DeliveryOutageTest::summary).sorted().toList(),
        alertsIn(after.subList(1, after.size())).stream().sorted().toList(),
        "then each alert's newest state exactly once");
    assertEquals(0.0, count("dropped") + count("rejected"));
  }

  @Test
  void aFullQueueDropsExactlyTheAlertsBeyondItsCapacity() throws Exception {
    start(5);
    receiver.mode(FlakyReceiver.Mode.FAIL_500);
    notifier.send(alerts("A", 0, 0, false)); // taken in flight, retried
    DeliveryTest.waitFor(() -> count("failed") >= 1);
    notifier.send(alerts("B", 1, 8, false));
    assertEquals(3.0, count("dropped"), "8 distinct alerts into 5 places");
    for (int resend = 1; resend < 20; resend++) {
      notifier.send(alerts("B", 1, 8, false));
    }
    assertEquals(60.0, count("dropped"), "each re-send of the 8 makes the oldest 3 room again");
    assertEquals(5.0, queueLength());
    DeliveryTest.waitFor(() -> count("failed") >= MIN_FAILED_ROUNDS);
    receiver.mode(FlakyReceiver.Mode.ACCEPT);
    DeliveryTest.waitFor(() -> count("sent") == 6);
    List<String> arrived = alertsIn(receiver.delivered());
    assertEquals("A0 firing", arrived.get(0), "first the batch that was in flight");
    // Which five of the eight survive rotates with every re-send; five distinct ones do.
    assertEquals(5, arrived.subList(1, arrived.size()).stream().distinct()
        .filter(a -> a.matches("B[1-8] firing")).count(), arrived.toString());
    assertEquals(60.0, count("dropped"));
  }

  private void start(int capacity) throws Exception {
    receiver = new FlakyReceiver(PORT, TIMEOUT.toMillis() * 3);
    Receiver hook = new Receiver(URI.create(receiver.url()),
        dev.lookout.config.Credentials.NONE, TIMEOUT);
    name = hook.redactedUrl();
    Settings settings = new Settings(capacity, 64, FAST, Duration.ofMinutes(5));
    Io io = new Io(JdkTransport.create(Thread::new), InstantSource.system(),
        d -> Thread.sleep(d.toMillis()), () -> ThreadLocalRandom.current().nextDouble());
    notifier = new Notifier(List.of(), List.of(hook), "http://lookout:9798", registry, settings, io,
        runnable -> {
          Thread thread = new Thread(runnable, "outage-test-sender");
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Alerts {@code prefix}{from..to} firing, the first {@code resolvedCount} of them resolved. */
  private static List<Alert> alerts(String prefix, int from, int to, int resolvedCount) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> i - from < resolvedCount
        ? resolved(prefix + i) : firing(prefix + i)).toList();
  }

  private static List<Alert> alerts(String prefix, int from, int to, boolean resolved) {
    return alerts(prefix, from, to, resolved ? to - from + 1 : 0);
  }

  private static String summary(Alert alert) {
    return alert.labels().get("node") + " " + alert.state().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> alertsIn(List<JsonNode> messages) {
    List<String> alerts = new ArrayList<>();
    for (JsonNode message : messages) {
      for (JsonNode alert : message.get("alerts")) {
        alerts.add(alert.get("labels").get("node").asText() + " " + alert.get("status").asText());
      }
    }
    return alerts;
  }

  private double count(String result) {
    return registry.get("lookout.notifications").tags("receiver", name, "result", result)
        .counter().count();
  }

  private double queueLength() {
    return registry.get("lookout.notification.queue.length").tag("receiver", name).gauge().value();
  }
}
