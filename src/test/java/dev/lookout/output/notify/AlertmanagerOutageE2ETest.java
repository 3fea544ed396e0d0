package dev.lookout.output.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import dev.lookout.config.Credentials;
import dev.lookout.config.Receiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Alertmanager that is down (stopped, then started again on the same port) or hung
 * (SIGSTOP) for many retry rounds while alerts keep firing, re-sending and resolving. Backoffs
 * are short so that minutes of retries fit in seconds. Once it is back it holds exactly the
 * alerts that fire, and the ones resolved during the outage are resolved there too.
 */
@Tag("e2e")
class AlertmanagerOutageE2ETest {
  private static final int PORT = 25520;
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final int MIN_FAILED_ROUNDS = 20;

  @TempDir
  Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Instant start = Instant.now();
  private HookServer hook;
  private AlertmanagerProcess alertmanager;
  private Notifier notifier;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(Files.isExecutable(AlertmanagerProcess.BINARY),
        "needs prometheus-alertmanager (apt-get install -y prometheus-alertmanager)");
    hook = new HookServer();
    alertmanager = new AlertmanagerProcess(dir, PORT, hook.url("/hook"));
    alertmanager.start();
    Receiver am = new Receiver(URI.create(alertmanager.url()), Credentials.NONE, TIMEOUT);
    Settings settings = new Settings(1000, 64,
        new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 0.2), Duration.ofMinutes(5));
    Io io = new Io(JdkTransport.create(Thread::new), InstantSource.system(),
        d -> Thread.sleep(d.toMillis()), () -> ThreadLocalRandom.current().nextDouble());
    notifier = new Notifier(List.of(am), List.of(), "http://lookout:9798", registry, settings, io,
        runnable -> {
          Thread thread = new Thread(runnable, "am-outage-sender");
          thread.setDaemon(true);
          return thread;
        });
  }

  @AfterEach
  void tearDown() throws Exception {
    if (notifier != null) {
      notifier.close();
    }
    if (alertmanager != null) {
      alertmanager.close();
    }
    if (hook != null) {
      hook.close();
    }
  }

  @Test
  @Timeout(120)
  void stoppedAndStartedAgainOnTheSamePort() throws Exception {
    int before = firingBeforeTheOutage();
    alertmanager.stop();
    Map<String, Alert> newest = churnUntilManyRoundsFailed(before);
    alertmanager.start();
    assertHoldsExactlyTheFiring(newest, before);
  }

  @Test
  @Timeout(120)
  void hungBySigstopAndThawed() throws Exception {
    int before = firingBeforeTheOutage();
    alertmanager.pause();
    Map<String, Alert> newest;
    try {
      newest = churnUntilManyRoundsFailed(before);
    } finally {
      alertmanager.resume();
    }
    // Alertmanager kept A1 and A2 firing from before: only their resolution removes them.
    assertHoldsExactlyTheFiring(newest, before);
  }

  /** Sends 5 alerts and waits until all 5 are sent; returns that count. */
  private int firingBeforeTheOutage() throws Exception {
    notifier.send(alerts("A", 5, 0));
    DeliveryTest.waitFor(() -> count("sent") == 5);
    assertEquals(List.of("A1", "A2", "A3", "A4", "A5"), active());
    return 5;
  }

  /** Re-sends every 100 ms; A1 and A2 resolve and B1..B3 start firing while nothing gets through. */
  private Map<String, Alert> churnUntilManyRoundsFailed(int inFlight) throws InterruptedException {
    Map<String, Alert> newest = new LinkedHashMap<>();
    for (int round = 0; count("failed") < inFlight * MIN_FAILED_ROUNDS; round++) {
      List<Alert> now = new ArrayList<>(alerts("A", 5, round >= 3 ? 2 : 0));
      if (round >= 5) {
        now.addAll(alerts("B", 3, 0));
      }
      notifier.send(now);
      now.forEach(a -> newest.put(a.labels().get("node"), a));
      Thread.sleep(100);
    }
    return newest;
  }

  /**
   * Every alert's newest state gets through once the receiver is back. {@code sentBefore}: what
   * was sent before the outage (nothing is sent during it; the delivery may resume before the
   * restarted process reports itself ready, so counting from then could miss it).
   */
  private void assertHoldsExactlyTheFiring(Map<String, Alert> newest, int sentBefore) throws Exception {
    DeliveryTest.waitFor(() -> count("sent") >= sentBefore + newest.size(), 60);
    List<String> firing = newest.values().stream().filter(a -> a.state() == AlertState.FIRING)
        .map(a -> a.labels().get("node")).sorted().toList();
    // A restarted Alertmanager takes a while to serve its API on a loaded machine.
    DeliveryTest.waitFor(() -> active().equals(firing), 60);
    System.out.printf("Alertmanager outage: %d failed attempts; afterwards it holds %s%n",
        (long) count("failed") / 5, active());
    assertEquals(List.of("A3", "A4", "A5", "B1", "B2", "B3"), active());
    assertEquals(0.0, count("dropped") + count("rejected"));
  }

  /** {@code prefix}1..{@code n} firing, the first {@code resolvedCount} resolved. */
  private List<Alert> alerts(String prefix, int n, int resolvedCount) {
    List<Alert> alerts = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 1; i <= n; i++) {
      Map<String, String> labels = Map.of("alertname", "LookoutOutage", "node", prefix + i,
          "severity", "warning");
      Map<String, String> annotations = Map.of("summary", "raised by the test",
          "runbook_url", "http://lookout:9798/runbooks/x.md");
      alerts.add(i <= resolvedCount
          ? new Alert(labels, annotations, AlertState.RESOLVED, start, start, now, now, now, now)
          : new Alert(labels, annotations, AlertState.FIRING, start, start, null, now, now,
              now.plus(Duration.ofMinutes(4))));
    }
    return alerts;
  }

  private List<String> active() {
    try {
      TreeSet<String> nodes = new TreeSet<>();
      for (JsonNode alert : alertmanager.alerts()) {
        nodes.add(alert.get("labels").get("node").asText());
      }
      return List.copyOf(nodes);
    } catch (Exception e) {
      return List.of("unreadable: " + e);
    }
  }

  private double count(String result) {
    return registry.get("lookout.notifications")
        .tags("receiver", alertmanager.url(), "result", result).counter().count();
  }
}
