package dev.lookout.source.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.rules.CompiledRule;
import dev.lookout.rules.Evaluation;
import dev.lookout.rules.Match;
import dev.lookout.rules.RuleEvaluator;
import dev.lookout.rules.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rules/nats.yaml on the model read from each recorded scenario over HTTP: which rules' conditions
 * hold on that one snapshot (before their {@code for} durations), with the labels that identify
 * each instance. Conditions with a duration would fire if the state lasted. Healthy scenarios
 * hold none; the NATS Streaming follower that never restored (08) holds the critical follower
 * divergence for n3 and nothing else.
 */
class NatsRulesOnFixturesTest {

  private static List<CompiledRule> rules() throws Exception {
    return RuleSet.load(List.of(Path.of("rules/nats.yaml")), "https://rb").rules();
  }

  /** Matched instances as {@code Alert[label=value,...]}, sorted, without severity. */
  static String matches(NatsSnapshot s) throws Exception {
    RuleEvaluator evaluator = new RuleEvaluator();
    TreeSet<String> out = new TreeSet<>();
    for (CompiledRule rule : rules()) {
      Evaluation e = evaluator.evaluate(rule, s);
      assertEquals(0, e.errors(), rule.alert());
      for (Match m : e.matches()) {
        List<String> labels = new ArrayList<>();
        m.labels().forEach((k, v) -> {
          if (!k.equals("alertname") && !k.equals("severity")) {
            labels.add(v);
          }
        });
        out.add(m.alertname() + "[" + m.labels().get("severity") + ":" + String.join(",", labels) + "]");
      }
    }
    return String.join(" ", out);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      jetstream-2.9.10/01_healthy |
      jetstream-2.9.10/02_follower_sigstopped_75s | NatsServerUnreachable[warning:n2] NatsStreamReplicaNotCurrent[warning:$G,n2,ORDERS] NatsStreamUnderReplicated[warning:$G,ORDERS]
      # Transient: the stream's leader is back within seconds, before the rule's 30 s.
      jetstream-2.9.10/03_after_sigcont_transient_leaderless | NatsStreamLeaderless[critical:$G,ORDERS]
      jetstream-2.9.10/04_converged_after_sigcont |
      jetstream-2.9.10/05_follower_killed_9s | NatsServerUnreachable[warning:n2]
      # 06-08 recorded only the leader n3 besides the stopped n2: 1 of 2 known servers answers.
      jetstream-2.9.10/06_follower_killed_20s | NatsServerUnreachableQuorumLost[critical:n2] NatsStreamReplicaNotCurrent[warning:$G,n2,ORDERS] NatsStreamUnderReplicated[warning:$G,ORDERS]
      jetstream-2.9.10/07_follower_killed_offline_230s | NatsServerUnreachableQuorumLost[critical:n2] NatsStreamReplicaNotCurrent[warning:$G,n2,ORDERS] NatsStreamUnderReplicated[warning:$G,ORDERS]
      jetstream-2.9.10/08_follower_sigterm_graceful_2s | NatsServerUnreachableQuorumLost[critical:n2]
      jetstream-2.9.10/09_follower_store_wiped_catching_up |
      jetstream-2.9.10/10_follower_store_wiped_caught_up |
      jetstream-2.9.10/11_follower_partitioned_behind | NatsStreamReplicaNotCurrent[warning:$G,n2,ORDERS] NatsStreamUnderReplicated[warning:$G,ORDERS]
      jetstream-2.9.10/12_follower_rejoined_caught_up |
      jetstream-2.9.10/15_healed_after_rescale_2_to_3 |
      jetstream-2.9.10/16_two_of_three_down_3s | NatsServerUnreachableQuorumLost[critical:n1] NatsServerUnreachableQuorumLost[critical:n2]
      jetstream-2.9.10/17_two_of_three_down_25s_LEADERLESS | NatsJetStreamMetaLeaderless[critical:] NatsServerUnreachableQuorumLost[critical:n1] NatsServerUnreachableQuorumLost[critical:n2] NatsStreamLeaderless[critical:$G,ORDERS]
      jetstream-2.9.10/18_node_without_jetstream | NatsJetStreamDisabled[warning:n1]
      stan-0.25.6/01_healthy_clustered_live_client |
      stan-0.25.6/02_follower_b_killed | NatsServerUnreachable[warning:n2]
      stan-0.25.6/03_follower_b_partitioned_CANDIDATE_channels_differ | NatsStreamingCandidate[warning:n2]
      stan-0.25.6/04_follower_b_rejoined |
      stan-0.25.6/06_follower_c_restored_from_leader_snapshot |
      stan-0.25.6/08_follower_c_store_wiped_raft_kept_DIVERGED_issue1283 | NatsStreamingFollowerDiverged[critical:n3]
      stan-0.25.6/10_fixed_by_wiping_store_and_raft |
      stan-0.25.6/12_ft_mode_active_standby |
      stan-0.25.6/13_ft_mode_standby_took_over | NatsServerUnreachable[warning:n1]
      """)
  void conditionsHoldingOnEachRecordedScenario(String scenario, String expected) throws Exception {
    NatsSnapshot s = RecordedScenariosTest.scrape(scenario, RecordedScenariosTest.absent(scenario));
    assertEquals(expected == null ? "" : expected.strip(), matches(s), scenario);
  }
}
