package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lookout.config.Alerting;
import dev.lookout.config.Config;
import dev.lookout.config.Listen;
import dev.lookout.config.NatsTarget;
import dev.lookout.config.RestateTarget;
import dev.lookout.config.Scrape;
import dev.lookout.config.Target;
import dev.lookout.model.Probe;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.output.http.TargetStatus;
import dev.lookout.source.nats.RecordedNatsServers;
import dev.lookout.source.nats.RecordedNatsServers.Answer;
import dev.lookout.source.restate.FaultyRestate;
import dev.lookout.source.restate.RestateSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One agent watching one healthy target and one target per kind of fault, for many ticks: every
 * target keeps its schedule, each broken one is marked and raises the alert the shipped rules
 * have for it, and threads and sockets stay flat. Restate targets are the recorded cluster served
 * in-process; the NATS target and the node answering HTTP 500 are real HTTP servers on loopback.
 */
class AgentTargetFaultsTest {
  private static final Duration INTERVAL = Duration.ofMillis(400);
  /**
   * As long as the configuration allows. A read of a hung node lasts its whole deadline plus the
   * grace for answers on their way; the agent cuts the deadline so that both fit in the interval,
   * else the hung target's ticks would drift further behind every time.
   */
  private static final Duration TIMEOUT = INTERVAL;
  private static final int TICKS = 150;
  private static final int WARM_UP_TICKS = 40;
  /**
   * How much later than the healthy target's a broken target's ticks may start. The machine's own
   * stalls delay every target alike (on a busy machine by seconds); a tick that outlasts its slot
   * drifts further behind every time, and a blocked one is late by far more than its timeout.
   */
  private static final double LATENESS_FACTOR = 1.5;
  private static final long EXTRA_LATENESS_MILLIS = 2 * INTERVAL.toMillis();

  @TempDir
  Path dir;
  private final Map<String, FaultyRestate> fakes = new LinkedHashMap<>();
  private final Map<String, TickTimes> ticks = new LinkedHashMap<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private Agent agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    for (AutoCloseable c : closing) {
      c.close();
    }
    fakes.values().forEach(FaultyRestate::close);
  }

  private FaultyRestate fake(String target, Consumer<FaultyRestate> fault) {
    FaultyRestate f = new FaultyRestate();
    fault.accept(f);
    fakes.put(target, f);
    return f;
  }

  @Test
  void everyFaultAtOnceKeepsTheScheduleMarksTheTargetAndLeaksNothing() throws Exception {
    fake("healthy", f -> { });
    fake("node-killed", f -> f.down(2));
    fake("node-hung", f -> f.hang(2));
    fake("node-slow", f -> f.slow(3, TIMEOUT.toMillis() * 2));
    FaultyRestate flapping = fake("node-restarting", f -> { });
    fake("all-down", f -> List.of(1, 2, 3).forEach(f::down));
    fake("arrow-truncated", FaultyRestate::truncateNodesTable);
    fake("arrow-wrong-schema", FaultyRestate::nodesTableWithWrongSchema);
    fake("metrics-malformed", f -> f.malformedFamily(1));
    RecordedNatsServers nats = new RecordedNatsServers();
    closing.add(nats);
    nats.answer("n1", "varz", Answer.WRONG_SHAPE);
    nats.answer("n1", "jsz", Answer.WRONG_SHAPE);
    nats.answer("n2", "*", Answer.HTTP_500);
    List<URI> natsUrls = new ArrayList<>(nats.urls());
    URI stoppedNats = nats.stoppedServer();
    natsUrls.add(stoppedNats);

    List<Target> targets = new ArrayList<>();
    fakes.keySet().forEach(name -> targets.add(new RestateTarget(name, List.of(URI.create("http://fake:1")))));
    targets.add(new RestateTarget("http-500", List.of(answering500())));
    targets.add(new NatsTarget("nats-garbage", natsUrls));
    targets.forEach(t -> ticks.put(t.name(), new TickTimes()));
    Config config = new Config("faults", new Listen("127.0.0.1", 0), new Scrape(INTERVAL, TIMEOUT),
        dir.resolve("state"), "https://runbooks.test", targets, ShortenedRules.copy(dir, "2s"), Alerting.DEFAULT);
    agent = new Agent(config, InstantSource.system(), readers(flapping));
    int port = agent.start();

    awaitTicks(WARM_UP_TICKS);
    List<ResourceCounts> samples = new ArrayList<>();
    while (minTicks() < TICKS) {
      samples.add(ResourceCounts.now());
      Thread.sleep(INTERVAL.toMillis() * 3);
    }
    Map<String, TickTimes.Lateness> lateness = new LinkedHashMap<>();
    ticks.forEach((name, t) -> lateness.put(name, t.lateness(INTERVAL.toMillis())));
    int quarter = Math.max(1, samples.size() / 4);
    ResourceCounts early = ResourceCounts.floor(samples.subList(0, quarter));
    ResourceCounts earlyMost = ResourceCounts.ceiling(samples.subList(0, quarter));
    ResourceCounts late = ResourceCounts.floor(samples.subList(samples.size() - quarter, samples.size()));
    System.out.printf("faults: %d+ ticks per target every %d ms, timeout %d ms; lateness %s;"
        + " threads and sockets between tick %d and ~%d: fewest %s, most %s; fewest over the last"
        + " quarter: %s%n", TICKS, INTERVAL.toMillis(), TIMEOUT.toMillis(), lateness, WARM_UP_TICKS,
        WARM_UP_TICKS + TICKS / 4, early, earlyMost, late);

    TickTimes.Lateness healthy = lateness.get("healthy");
    lateness.forEach((name, l) -> {
      assertTrue(l.p90Millis() <= healthy.p90Millis() * LATENESS_FACTOR + EXTRA_LATENESS_MILLIS,
          name + " ticks fell behind the healthy target's: " + lateness);
      assertTrue(l.maxMillis() <= healthy.maxMillis() * LATENESS_FACTOR + EXTRA_LATENESS_MILLIS * 2,
          name + " had a tick far later than the healthy target's latest: " + lateness);
    });
    // A leak raises what is held even at the quietest moment above the most held early on.
    assertTrue(late.threads() <= earlyMost.threads() + 2, "threads grew: " + early + " → " + late);
    assertTrue(late.sockets() <= earlyMost.sockets() + 8, "sockets grew: " + early + " → " + late);
    assertMarked();
    assertFiring(port);
  }

  /** Restate targets named after a fake read it in-process; the others go over the network. */
  private Runners.Readers readers(FaultyRestate flapping) {
    return new Runners.Readers() {
      @Override
      public TargetRunner.Source<RestateSnapshot> restate(RestateTarget t, Duration timeout, Executor io) {
        FaultyRestate fake = fakes.get(t.name());
        TargetRunner.Source<RestateSnapshot> source;
        if (fake == null) {
          source = Runners.NETWORK.restate(t, timeout, io);
        } else {
          RestateSource s = fake.source(t.name(), timeout);
          source = Runners.adapt(s::scrape, s);
        }
        TickTimes.BeforeTick before = fake == flapping ? n -> restartEveryFewTicks(flapping, n) : n -> { };
        return ticks.get(t.name()).around(source, before);
      }

      @Override
      public TargetRunner.Source<NatsSnapshot> nats(NatsTarget t, Duration timeout, Executor io) {
        return ticks.get(t.name()).around(Runners.NETWORK.nats(t, timeout, io), n -> { });
      }
    };
  }

  /** Node 1 is gone for three ticks out of every seven: a crash loop as the agent sees it. */
  private static void restartEveryFewTicks(FaultyRestate fake, int tick) {
    if (tick % 7 == 4) {
      fake.down(1);
    } else if (tick % 7 == 0) {
      fake.up(1);
    }
  }

  /** A node whose port answers everything, gRPC included, with HTTP 500. */
  private URI answering500() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      byte[] body = "internal error\n".getBytes();
      ex.sendResponseHeaders(500, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    closing.add(() -> server.stop(0));
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private int minTicks() {
    return ticks.values().stream().mapToInt(TickTimes::count).min().orElse(0);
  }

  private void awaitTicks(int n) throws InterruptedException {
    long end = System.nanoTime() + INTERVAL.multipliedBy(n * 10L).toNanos();
    while (minTicks() < n) {
      assertTrue(System.nanoTime() < end, "targets did not tick " + n + " times: " + ticksSoFar());
      Thread.sleep(INTERVAL.toMillis());
    }
  }

  private Map<String, Integer> ticksSoFar() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    ticks.forEach((name, t) -> counts.put(name, t.count()));
    return counts;
  }

  private void assertMarked() {
    Map<String, TargetStatus> status = new LinkedHashMap<>();
    agent.targets().forEach(s -> status.put(s.name(), s));
    assertTrue(status.get("healthy").up(), status.get("healthy").toString());
    assertEquals(List.of(), status.get("healthy").lastErrors());
    assertFalse(status.get("all-down").up());
    assertFalse(status.get("http-500").up());
    assertTrue(status.get("http-500").lastErrors().stream().anyMatch(e -> e.contains("/metrics answered HTTP 500")),
        status.get("http-500").lastErrors()::toString);
    assertErrorsMention(status, "node-killed", "127.0.0.1:5142 GetIdent: unreachable");
    assertErrorsMention(status, "node-hung", "GetIdent: timeout");
    assertErrorsMention(status, "node-slow", "GetIdent: timeout");
    assertErrorsMention(status, "arrow-truncated", "query nodes: bad_response: ArrowFormatException");
    assertErrorsMention(status, "arrow-wrong-schema", "nodes: bad_response: no column 'plain_node_id'");
    assertErrorsMention(status, "metrics-malformed", "/metrics: bad_response");
    assertErrorsMention(status, "nats-garbage", "timeout");
    assertErrorsMention(status, "nats-garbage", "bad_response");
    assertEquals(Probe.UNREACHABLE, node(snapshot("node-killed"), 2));
    assertEquals(Probe.TIMEOUT, node(snapshot("node-hung"), 2));
    assertEquals(Probe.TIMEOUT, node(snapshot("node-slow"), 3));
  }

  private static void assertErrorsMention(Map<String, TargetStatus> status, String target, String text) {
    List<String> errors = status.get(target).lastErrors();
    assertTrue(errors.stream().anyMatch(e -> e.contains(text)), target + " errors: " + errors);
  }

  private RestateSnapshot snapshot(String target) {
    return (RestateSnapshot) agent.snapshots().stream().filter(s -> s.target().equals(target))
        .findFirst().orElseThrow();
  }

  private static Probe node(RestateSnapshot s, int id) {
    return s.node(id).probe();
  }

  /** The shipped rules (with short `for:`) raise the agent's alerts about the broken targets. */
  private static void assertFiring(int port) throws Exception {
    JsonNode alerts = new ObjectMapper().readTree(MetricsText.get(port, "/api/v1/alerts").body())
        .get("data").get("alerts");
    Set<String> firing = new HashSet<>();
    for (JsonNode a : alerts) {
      if (a.get("state").asText().equals("firing")) {
        firing.add(a.get("labels").get("alertname").asText() + " " + a.get("labels").path("node").asText()
            + a.get("labels").path("server").asText());
      }
    }
    System.out.println("faults: firing " + firing);
    assertTrue(firing.contains("LookoutTargetDown "), firing::toString);
    assertTrue(firing.contains("RestateNodeHung N2"), firing::toString);
    assertTrue(firing.contains("RestateNodeHung N3"), firing::toString);
    assertTrue(firing.stream().anyMatch(f -> f.startsWith("NatsServerUnreachable")), firing::toString);
    // A `nodes` table that could not be read says nothing about how many log servers can write.
    assertTrue(firing.stream().noneMatch(f -> f.startsWith("RestateTooFewWritableLogServers")), firing::toString);
  }
}
