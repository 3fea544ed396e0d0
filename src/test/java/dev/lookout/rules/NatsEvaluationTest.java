package dev.lookout.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsServer.JszState;
import dev.lookout.model.nats.NatsServer.Reachability;
import dev.lookout.model.nats.NatsServer.StanRole;
import dev.lookout.model.nats.NatsServer.StanState;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanChannel;
import dev.lookout.model.nats.StreamState;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NatsEvaluationTest {
  @TempDir Path dir;
  private final RuleEvaluator evaluator = new RuleEvaluator();

  private static NatsServer js(String name, Reachability reachable, Integer routes) {
    boolean up = reachable == Reachability.OK;
    return new NatsServer(name, "http://" + name, reachable, up, up ? JszState.OK : JszState.ABSENT,
        "id", "2.9.10", up ? true : null, up ? "n1" : null, 3, routes,
        up ? new NatsServer.Storage(900, 0, 1000, 0, 0, -1) : null, null, null);
  }

  private static NatsServer stan(String name, StanRole role, int channels) {
    return new NatsServer(name, "http://" + name, Reachability.OK, true, JszState.ABSENT, "id",
        "0.25.6", null, null, null, 2, null, null,
        new NatsServer.Stan("c", StanState.CLUSTERED, role, channels, 0, 0, "FILE", false, true));
  }

  /** n1..n3 JetStream (n3 down, lag of n2 = {@code lag}); STAN s1 leader, s2 missing a channel. */
  private static NatsSnapshot snapshot(long at, long lag) {
    StreamState leader = new StreamState(100, 1000, 1, 100, 0);
    NatsStream orders = new NatsStream("$G", "ORDERS", 3, "n1", leader, List.of(
        new NatsStream.Replica("n2", true, false, 1L, lag, new StreamState(5, 50, 96, 100, 0)),
        new NatsStream.Replica("n3", false, true, 9L, 0L, null)));
    StanChannel.Subscription durable =
        new StanChannel.Subscription("c1", "d1", null, true, false, 10, 0, false);
    List<StanChannel> channels = List.of(
        new StanChannel("s1", "a", 1, 1, 50, 60, 1, List.of(durable)),
        new StanChannel("s1", "b", 1, 1, 1, 1, 0, List.of()),
        new StanChannel("s2", "a", 1, 1, 50, 60, 1, List.of(durable)));
    return new NatsSnapshot("t", at, List.of(js("n1", Reachability.OK, 2),
        js("n2", Reachability.OK, 2), js("n3", Reachability.UNREACHABLE, null),
        stan("s1", StanRole.Leader, 2), stan("s2", StanRole.Follower, 1)),
        List.of(orders), channels, List.of());
  }

  /** Evaluates the rule on the earlier snapshots first, in order, as the agent does each tick. */
  private String fired(String each, String expr, NatsSnapshot now, NatsSnapshot... before) {
    CompiledRule rule = Fixtures.rule(dir, each, expr, "");
    RuleEvaluator fresh = new RuleEvaluator();
    for (NatsSnapshot s : before) {
      fresh.evaluate(rule, s);
    }
    Evaluation e = fresh.evaluate(rule, now);
    assertEquals(0, e.errors(), expr);
    return e.matches().stream()
        .map(m -> m.labels().entrySet().stream().filter(x -> !x.getKey().equals("alertname")
            && !x.getKey().equals("severity")).map(x -> x.getKey() + "=" + x.getValue())
            .collect(Collectors.joining(",")))
        .collect(Collectors.joining(" "));
  }

  private String fired(String each, String expr) {
    return fired(each, expr, snapshot(1_000, 0));
  }

  @Test
  void eachNatsScopeMatchesWithIdentityLabels() {
    assertEquals("server=n3", fired("server", "server.reachable == \"unreachable\""));
    assertEquals("", fired("nats", "nats.reachableServers == 4 && nats.quorum == 3"
        + " && nats.metaLeaders == 1 && nats.stanLeaders == 1 && nats.ftServers == 0"));
    assertEquals("account=$G,stream=ORDERS", fired("stream",
        "stream.currentReplicas == 2 && stream.offlineReplicas == 1 && stream.divergedReplicas == 1"));
    assertEquals("account=$G,server=n2,stream=ORDERS", fired("stream_replica",
        "sreplica.diverged && sreplica.messageGap == 95 && server.routes == 2"));
    assertEquals("server=s2", fired("stan_follower",
        "follower.missing == [\"b\"] && follower.leader == \"s1\" && server.stanChannels == 1"));
    assertEquals("channel=a,client=c1,server=s1", fired("stan_subscription",
        "sub.lost && sub.missedMessages == 39 && server.stanRole == \"Leader\""));
    assertEquals("server=n1 server=n2", fired("server", "server.storagePercent >= 90"));
  }

  @Test
  void absentValuesDoNotFire() {
    // n3 is down: nothing of JetStream is known there; STAN servers have no JetStream.
    assertEquals("", fired("server", "server.jetstreamEnabled == false"));
    assertEquals("server=n3 server=s1 server=s2", fired("server", "!has(server.metaLeader)"));
    assertEquals("", fired("stream_replica", "sreplica.ownMessages < 0 || sreplica.messageGap < 0"));
  }

  @Test
  void rulesOfTheOtherKindOfTargetMatchNothing() {
    CompiledRule restate = Fixtures.rule(dir, "node", "node.id > 0", "");
    Evaluation e = evaluator.evaluate(restate, snapshot(1_000, 0));
    assertEquals(0, e.matches().size());
    assertEquals(0, e.errors());
    CompiledRule nats = Fixtures.rule(dir, "server", "server.name != \"\"", "");
    assertTrue(evaluator.evaluate(nats, Fixtures.cluster(1_000, 1000)).matches().isEmpty());
  }

  @Test
  void deltaAndRateFollowTheSameNatsEntity() {
    NatsSnapshot history = snapshot(0, 100);
    NatsSnapshot now = snapshot(60_000, 700);
    assertEquals("account=$G,server=n2,stream=ORDERS", fired("stream_replica",
        "delta(sreplica.lag, \"1m\") == 600 && rate(sreplica.lag, \"1m\") == 10.0", now, history));
    // n3 has no routes figure (down): unknown, so it does not match.
    assertEquals("server=n1 server=n2 server=s1 server=s2", fired("server",
        "delta(server.routes, \"1m\") == 0",
        now, history));
    assertEquals("", fired("server", "delta(server.routes, \"5m\") == 0", now, history));
  }

  @Test
  void nodeMetricIsRestateOnly() {
    assertThrows(AssertionError.class,
        () -> Fixtures.rule(dir, "server", "node_metric(\"x\") > 0.0", ""));
  }
}
