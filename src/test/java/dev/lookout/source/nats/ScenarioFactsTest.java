package dev.lookout.source.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsServer.JszState;
import dev.lookout.model.nats.NatsServer.Reachability;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsStream;
import dev.lookout.model.nats.StanDiff;
import dev.lookout.model.nats.StreamState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts each recorded incident is about, stated field by field. */
class ScenarioFactsTest {

  private static NatsSnapshot read(String scenario) throws Exception {
    return RecordedScenariosTest.scrape(scenario, RecordedScenariosTest.absent(scenario));
  }

  @Test
  void stanFollowerThatNeverRestoredDivergesFromItsLeader() throws Exception {
    NatsSnapshot s = read("stan-0.25.6/08_follower_c_store_wiped_raft_kept_DIVERGED_issue1283");
    NatsServer.Stan n3 = s.server("n3").orElseThrow().stan();
    assertEquals(NatsServer.StanState.CLUSTERED, n3.state());
    assertEquals(NatsServer.StanRole.Follower, n3.role());
    assertEquals(1, n3.channels());
    assertEquals(0, n3.subscriptions());
    assertEquals(List.of("n2"), s.stanLeaders());
    NatsServer.Stan leader = s.server("n2").orElseThrow().stan();
    assertEquals(7, leader.channels());
    assertEquals(2, leader.subscriptions());
    StanDiff diff = s.stanDiffs().stream().filter(d -> d.server().equals("n3")).findFirst().orElseThrow();
    assertEquals(List.of("audit", "ch.x1", "ch.x2", "ch.x3", "newchan", "payments"), diff.missing());
    assertEquals(List.of("orders"), diff.differing());
    assertTrue(diff.diverged());
    assertFalse(s.stanDiffs().stream().filter(d -> d.server().equals("n1")).findFirst().orElseThrow().diverged());
    assertEquals(150, s.channelsOf("n2").get("orders").subscriptions().get(1).lastSent());
  }

  @Test
  void jetstreamWipedFollowerCaughtUpShowsItsOwnState() throws Exception {
    NatsStream orders = read("jetstream-2.9.10/10_follower_store_wiped_caught_up")
        .stream("$G", "ORDERS").orElseThrow();
    assertEquals("n3", orders.leader());
    assertEquals(new StreamState(100760, 106709460, 1, 100760, 1), orders.leaderState());
    NatsStream.Replica n2 = orders.replica("n2");
    assertEquals(Boolean.TRUE, n2.current());
    assertEquals(orders.leaderState(), n2.own());
    // The recording caught the copy after it had been rebuilt: nothing diverges here.
    assertEquals(List.of(), orders.divergedReplicas());
  }

  @Test
  void twoOfThreeDownLeavesStreamAndMetaLeaderless() throws Exception {
    NatsSnapshot s = read("jetstream-2.9.10/17_two_of_three_down_25s_LEADERLESS");
    NatsStream orders = s.stream("$G", "ORDERS").orElseThrow();
    assertTrue(orders.leaderless());
    assertNull(orders.leaderState());
    NatsServer n3 = s.server("n3").orElseThrow();
    assertNull(n3.metaLeader());
    assertEquals(3, n3.metaClusterSize());
    assertEquals(503, n3.health().httpCode());
    assertEquals("JetStream has not established contact with a meta leader", n3.health().error());
    assertEquals(Reachability.UNREACHABLE, s.server("n1").orElseThrow().reachable());
  }

  @Test
  void serverWithoutJetstream() throws Exception {
    NatsServer n1 = read("jetstream-2.9.10/18_node_without_jetstream").server("n1").orElseThrow();
    assertEquals(JszState.DISABLED, n1.jszState());
    assertEquals(Boolean.FALSE, n1.jetstreamEnabled());
    assertTrue(n1.health().ok(), "/healthz still says ok without JetStream");
    assertNull(n1.storage());
  }

  @Test
  void stoppedFollowerTimesOutAndLeaderSeesItBehind() throws Exception {
    NatsSnapshot s = read("jetstream-2.9.10/02_follower_sigstopped_75s");
    NatsServer n2 = s.server("n2").orElseThrow();
    assertEquals(Reachability.TIMEOUT, n2.reachable());
    assertEquals(JszState.TIMEOUT, n2.jszState());
    NatsStream.Replica view = s.stream("$G", "ORDERS").orElseThrow().replica("n2");
    assertEquals(Boolean.FALSE, view.current());
    assertEquals(250L, view.lag());
    assertNull(view.own());
  }

  @Test
  void ftModesActiveStandbyAndTakeover() throws Exception {
    NatsSnapshot pair = read("stan-0.25.6/12_ft_mode_active_standby");
    assertEquals(NatsServer.StanState.FT_ACTIVE, pair.server("n1").orElseThrow().stan().state());
    assertEquals(Boolean.TRUE, pair.server("n1").orElseThrow().stan().ftActive());
    assertEquals(NatsServer.StanState.FT_STANDBY, pair.server("n2").orElseThrow().stan().state());
    assertEquals(Boolean.FALSE, pair.server("n2").orElseThrow().stan().ftActive());
    assertNull(pair.server("n2").orElseThrow().stan().role());
    NatsSnapshot after = read("stan-0.25.6/13_ft_mode_standby_took_over");
    assertEquals(Boolean.TRUE, after.server("n2").orElseThrow().stan().ftActive());
    assertEquals(Reachability.UNREACHABLE, after.server("n1").orElseThrow().reachable());
  }

  @Test
  void partitionedCandidateHoldsFewerChannels() throws Exception {
    NatsSnapshot s = read("stan-0.25.6/03_follower_b_partitioned_CANDIDATE_channels_differ");
    assertEquals(NatsServer.StanRole.Candidate, s.server("n2").orElseThrow().stan().role());
    StanDiff n2 = s.stanDiffs().stream().filter(d -> d.server().equals("n2")).findFirst().orElseThrow();
    assertEquals(List.of("audit", "newchan"), n2.missing());
  }
}
