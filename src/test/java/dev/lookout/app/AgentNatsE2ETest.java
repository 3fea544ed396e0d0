package dev.lookout.app;

import static dev.lookout.app.AgentE2ETest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.config.Alerting;
import dev.lookout.config.Config;
import dev.lookout.config.Listen;
import dev.lookout.config.NatsTarget;
import dev.lookout.config.Scrape;
import dev.lookout.source.nats.NatsTestCluster;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent watching a real 3-node JetStream cluster: the leader's view and each replica's own
 * state reach /metrics, and losing servers fires the NATS alerts.
 */
@Tag("e2e")
class AgentNatsE2ETest {
  private static final int BASE = 14522;
  private static final int MESSAGES = 50;
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  @TempDir
  Path dir;
  private NatsTestCluster cluster;
  private Agent agent;
  private int port;

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void streamReplicasInMetricsAndAlertsWhenServersDie() throws Exception {
    assumeTrue(NatsTestCluster.installed(), "nats-server not installed (apt-get install nats-server)");
    cluster = NatsTestCluster.start(dir, BASE);
    Config config = new Config("nats-e2e", new Listen("127.0.0.1", 0), new Scrape(INTERVAL, Duration.ofSeconds(1)),
        dir.resolve("state"), "https://runbooks.e2e",
        List.of(new NatsTarget("nats", new ArrayList<>(cluster.monitorUrls().values()))),
        List.of(Path.of("rules/restate.yaml").toAbsolutePath(), Path.of("rules/nats.yaml").toAbsolutePath()),
        Alerting.DEFAULT);
    agent = new Agent(config, InstantSource.system());
    port = agent.start();
    cluster.createStream("ORDERS", 3);
    cluster.publish("orders.new", MESSAGES);

    awaitTrue("R3 stream with two current replicas holding every message", Duration.ofSeconds(30), () ->
        Double.valueOf(1).equals(metric("lookout_nats_stream_has_leader", "stream=\"ORDERS\""))
            && count("lookout_nats_replica_current", "stream=\"ORDERS\"", 1.0) == 2
            && count("lookout_nats_replica_messages", "stream=\"ORDERS\"", MESSAGES) == 2);
    assertEquals(3.0, metric("lookout_nats_stream_replicas", "stream=\"ORDERS\""));
    assertEquals((double) MESSAGES, metric("lookout_nats_stream_messages", "stream=\"ORDERS\""));

    Thread.sleep(INTERVAL.toMillis() * 2);
    assertEquals(List.of(), activeAlerts(), "a healthy cluster raises nothing");

    String leader = leaderOf();
    List<String> followers = new ArrayList<>(cluster.monitorUrls().keySet());
    followers.remove(leader);
    long first = System.nanoTime();
    cluster.kill(followers.get(0));
    awaitTrue("NatsStreamReplicaNotCurrent firing", Duration.ofSeconds(75),
        () -> firing("NatsStreamReplicaNotCurrent"));
    System.out.printf("e2e: NATS follower killed → NatsStreamReplicaNotCurrent firing after %d ms%n",
        (System.nanoTime() - first) / 1_000_000);
    awaitTrue("NatsServerUnreachable firing", Duration.ofSeconds(75), () -> firing("NatsServerUnreachable"));
    System.out.printf("e2e: NATS follower killed → NatsServerUnreachable firing after %d ms%n",
        (System.nanoTime() - first) / 1_000_000);

    long killed = System.nanoTime();
    cluster.kill(followers.get(1));
    awaitTrue("both followers down in /metrics", Duration.ofSeconds(10), () ->
        Double.valueOf(0).equals(metric("lookout_nats_server_up", "server=\"" + followers.get(0) + "\""))
            && Double.valueOf(0).equals(metric("lookout_nats_server_up", "server=\"" + followers.get(1) + "\"")));
    awaitTrue("NatsStreamLeaderless firing", Duration.ofSeconds(75), () -> firing("NatsStreamLeaderless"));
    System.out.printf("e2e: two of three NATS servers killed → NatsStreamLeaderless firing after %d ms%n",
        (System.nanoTime() - killed) / 1_000_000);
    awaitTrue("NatsServerUnreachableQuorumLost firing", Duration.ofSeconds(30),
        () -> firing("NatsServerUnreachableQuorumLost"));
  }

  private String leaderOf() throws Exception {
    JsonNode snapshot = new ObjectMapper().readTree(MetricsText.get(port, "/api/v1/snapshot").body()).get(0);
    for (JsonNode stream : snapshot.get("streams")) {
      if (stream.get("name").asText().equals("ORDERS")) {
        return stream.get("leader").asText();
      }
    }
    throw new AssertionError("no ORDERS stream in " + snapshot);
  }

  private List<String> activeAlerts() throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode a : new ObjectMapper().readTree(MetricsText.get(port, "/api/v1/alerts").body())
        .get("data").get("alerts")) {
      names.add(a.get("labels").get("alertname").asText() + " " + a.get("state").asText());
    }
    return names;
  }

  private boolean firing(String alertname) {
    try {
      JsonNode alerts = new ObjectMapper().readTree(MetricsText.get(port, "/api/v1/alerts").body())
          .get("data").get("alerts");
      for (JsonNode a : alerts) {
        if (a.get("labels").get("alertname").asText().equals(alertname) && a.get("state").asText().equals("firing")) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Double metric(String name, String... labels) {
    try {
      return MetricsText.value(MetricsText.get(port, "/metrics").body(), name, labels);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Series of {@code name} with those labels whose value equals {@code value}. */
  private long count(String name, String label, double value) {
    try {
      return MetricsText.get(port, "/metrics").body().lines()
          .filter(l -> l.startsWith(name + "{") && l.contains(label))
          .filter(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) == value).count();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
