package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import dev.lookout.alerts.AlertStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `kill -9` of the agent at random moments, many times, while a target is down: each restart
 * finds the state file whole, keeps the firing alert's start, does not page for it again, and
 * keeps the pending alert's timer running from its original start. The agent runs as its own
 * process (see {@link ChildAgent}); ticks every 200 ms write the state file five times a second,
 * so kills land in the middle of writes too.
 */
@Tag("e2e")
class AgentKillTest {
  private static final int PORT = 24500;
  /** Nothing listens here: the Restate target is down from the start. */
  private static final int DEAD_TARGET_PORT = 24501;
  private static final int ROUNDS = Integer.getInteger("lookout.kill.rounds", 20);
  private static final Duration INTERVAL = Duration.ofMillis(200);
  /** Two evaluations and a save after the deadline, with room for a loaded machine. */
  private static final Duration FIRING_GRACE = INTERVAL.multipliedBy(2).plusSeconds(1);
  private static final Duration SLOW_FOR = Duration.ofSeconds(30);
  private static final Duration START_WITHIN = Duration.ofSeconds(60);
  private static final String FAST = "kill/TargetDownFast";
  private static final String SLOW = "kill/TargetDownSlow";

  @TempDir
  Path dir;
  private final List<String> notifications = new CopyOnWriteArrayList<>();
  private final Random random = new Random(Long.getLong("lookout.kill.seed", System.nanoTime()));
  private HttpServer webhook;
  private ChildAgent agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (webhook != null) {
      webhook.stop(0);
    }
  }

  @Test
  void killedAtRandomMomentsTheAgentResumesItsAlertsWithoutPagingAgain() throws Exception {
    Path config = writeConfig();
    AlertStore store = new AlertStore(dir.resolve("state"));
    agent = ChildAgent.start(config, PORT, dir.resolve("agent.log"));
    assertTrue(agent.awaitReady(START_WITHIN), () -> "agent did not start: " + log());
    awaitNotification("TargetDownFast", Duration.ofSeconds(20));
    Alert fast = awaitSaved(store, FAST, a -> a.lastSentAt() != null);
    Alert slow = awaitSaved(store, SLOW, a -> true);

    List<Instant[]> uptimes = new ArrayList<>();
    Instant readyAt = Instant.now();
    int tempFilesSeen = 0;
    int killedStarting = 0;
    int killedWriting = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      if (round % 3 == 0 && readyAt != null) {
        killedWriting += killWhileWriting() ? 1 : 0;
      } else {
        Thread.sleep(random.nextInt(readyAt == null ? 1500 : 2000));
        agent.kill();
      }
      if (readyAt != null) {
        uptimes.add(new Instant[] {readyAt, Instant.now()});
      } else {
        killedStarting++;
      }
      tempFilesSeen += Files.exists(dir.resolve("state/alerts.json.tmp")) ? 1 : 0;
      Map<String, List<Alert>> saved = store.load(); // throws if the file is not whole
      assertSame(fast, only(saved, FAST), "round " + round);
      assertEquals(slow.activeAt(), only(saved, SLOW).activeAt(), "round " + round + ": the pending timer restarted");
      agent = ChildAgent.start(config, PORT, dir.resolve("agent.log"));
      // A quarter of the kills land while the agent starts: loading the state, its first ticks.
      readyAt = random.nextInt(4) == 0 ? null : awaitReady();
    }
    uptimes.add(new Instant[] {readyAt == null ? awaitReady() : readyAt, Instant.MAX});
    Alert fired = awaitSaved(store, SLOW, a -> a.state() == AlertState.FIRING);
    Instant due = slow.activeAt().plus(SLOW_FOR);
    Instant latest = latestFiring(due, uptimes).plus(FIRING_GRACE);
    System.out.printf("kill: %d kill -9 rounds survived (%d while starting, %d as alerts.json.tmp appeared),"
        + " %d left a half-written alerts.json.tmp; pending alert due %s fired %s (%d ms after due);"
        + " webhook notifications %d%n", ROUNDS, killedStarting, killedWriting, tempFilesSeen, due, fired.firedAt(),
        Duration.between(due, fired.firedAt()).toMillis(), notifications.size());

    assertEquals(slow.activeAt(), fired.activeAt());
    assertTrue(!fired.firedAt().isBefore(due), "fired before its `for` ran out: " + fired.firedAt());
    assertTrue(!fired.firedAt().isAfter(latest), "fired at " + fired.firedAt() + ", due " + due
        + ", latest acceptable " + latest + "; up " + describe(uptimes));
    awaitNotification("TargetDownSlow", Duration.ofSeconds(10));
    assertEquals(1, count("TargetDownFast"), "the firing alert was paged again after a restart: " + notifications);
    assertEquals(1, count("TargetDownSlow"), () -> "notifications: " + notifications);
  }

  /**
   * Watches the state directory and kills the agent the moment a save creates its temporary file,
   * before the rename. Returns whether that moment came within two seconds (else kills anyway).
   */
  private boolean killWhileWriting() throws InterruptedException {
    Path temp = dir.resolve("state/alerts.json.tmp");
    long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    boolean seen = false;
    while (!seen && System.nanoTime() < end) {
      seen = Files.exists(temp);
    }
    agent.kill();
    return seen;
  }

  private Instant awaitReady() throws InterruptedException {
    assertTrue(agent.awaitReady(START_WITHIN), () -> "agent did not restart: " + log());
    return Instant.now();
  }

  /**
   * When an alert due at {@code due} should fire at the latest: at once if the agent was running
   * then; if it was down, as soon as it was back.
   */
  /**
   * When the alert is due to fire at the latest: its deadline, or the start of the first run
   * after it, in the first run that lasts long enough past that point to evaluate and save.
   */
  private static Instant latestFiring(Instant due, List<Instant[]> uptimes) {
    for (Instant[] up : uptimes) {
      Instant from = due.isBefore(up[0]) ? up[0] : due;
      if (!from.plus(FIRING_GRACE).isAfter(up[1])) {
        return from;
      }
    }
    throw new AssertionError("no uptime after " + due);
  }

  private static String describe(List<Instant[]> uptimes) {
    StringBuilder s = new StringBuilder();
    uptimes.forEach(u -> s.append(u[0]).append("..").append(u[1]).append(' '));
    return s.toString();
  }

  private static void assertSame(Alert expected, Alert actual, String round) {
    assertEquals(expected.state(), actual.state(), round);
    assertEquals(expected.activeAt(), actual.activeAt(), round + ": activeAt");
    assertEquals(expected.firedAt(), actual.firedAt(), round + ": firedAt");
    assertEquals(expected.lastSentAt(), actual.lastSentAt(), round + ": sent again");
  }

  private static Alert only(Map<String, List<Alert>> saved, String rule) {
    List<Alert> alerts = saved.get(rule);
    assertNotNull(alerts, () -> rule + " not saved: " + saved.keySet());
    assertEquals(1, alerts.size(), () -> rule + ": " + alerts);
    return alerts.get(0);
  }

  private Alert awaitSaved(AlertStore store, String rule, java.util.function.Predicate<Alert> condition)
      throws Exception {
    long end = System.nanoTime() + SLOW_FOR.plusSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      List<Alert> alerts = store.load().get(rule);
      if (alerts != null && alerts.size() == 1 && condition.test(alerts.get(0))) {
        return alerts.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError(rule + " not saved as expected: " + store.load() + "\n" + log());
  }

  private void awaitNotification(String alertname, Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (count(alertname) == 0) {
      assertTrue(System.nanoTime() < end, () -> "no notification of " + alertname + ": " + log());
      Thread.sleep(50);
    }
  }

  private long count(String alertname) {
    return notifications.stream().filter(n -> n.contains("\"alertname\":\"" + alertname + "\"")).count();
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("agent.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private Path writeConfig() throws IOException {
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/hook", ex -> {
      try (InputStream in = ex.getRequestBody()) {
        notifications.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    webhook.start();
    Files.writeString(dir.resolve("rules.yaml"), """
        groups:
          - name: kill
            rules:
              - alert: TargetDownFast
                each: cluster
                expr: "!cluster.tablesRead"
                for: 1s
                labels: {severity: warning}
                annotations: {summary: down, runbook_url: "https://runbooks.test/fast.md"}
              - alert: TargetDownSlow
                each: cluster
                expr: "!cluster.tablesRead"
                for: %ds
                labels: {severity: warning}
                annotations: {summary: down, runbook_url: "https://runbooks.test/slow.md"}
        """.formatted(SLOW_FOR.toSeconds()));
    Path config = dir.resolve("lookout.yaml");
    Files.writeString(config, """
        cluster: kill
        listen: 127.0.0.1:%d
        scrape: {interval: %dms, timeout: 100ms}
        state_dir: state
        runbook_base_url: https://runbooks.test
        targets:
          - {name: restate, type: restate, addresses: ["http://127.0.0.1:%d"]}
        rule_files: [rules.yaml]
        alerting:
          resend_interval: 1h
          webhooks: [{url: "http://127.0.0.1:%d/hook"}]
        """.formatted(PORT, INTERVAL.toMillis(), DEAD_TARGET_PORT, webhook.getAddress().getPort()));
    return config;
  }
}
