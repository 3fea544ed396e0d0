package dev.lookout.rules;

import dev.lookout.model.ClusterConfig;
import dev.lookout.model.Log;
import dev.lookout.model.Partition;
import dev.lookout.model.Replica;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.StorageState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test: {@code java -cp ... dev.lookout.rules.RuleBenchmark} prints the cost of the replica
 * rules over 16,384 partitions x 3 replicas, in ns per rule x row, after warming up.
 */
public final class RuleBenchmark {
  private static final String[] EXPRS = {
    "replica.appliedLsn < log.trimPoint",
    "replica.lag > params.n && replica.replayStatus != \"active\"",
    "!has(replica.appliedLsn) && replica.replayStatus == \"starting\"",
    "replica.durableLsn < log.trimPoint && !cluster.snapshotsEverywhere",
    "replica.isLeader && replica.recordsSinceSnapshot > params.n * 100",
    "has(replica.brokenReason)",
    "node.storageState == \"data-loss\" || node.probe != \"ok\"",
    "replica.trimDistance < 0",
    "partition.replicas < cluster.partitionReplication",
    "replica.node in partition.replicaSet && replica.targetTailLsn - 1 > replica.appliedLsn + 5",
  };

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("bench");
    List<CompiledRule> rules = new ArrayList<>();
    for (String e : EXPRS) {
      rules.add(Fixtures.rule(dir, "replica", e, "        params: {n: 1000}\n"));
    }
    RestateSnapshot s = big(16_384);
    RuleEvaluator evaluator = new RuleEvaluator();
    long rows = (long) s.replicas().size() * rules.size();
    for (int pass = 0; pass < 30; pass++) {
      long t0 = System.nanoTime();
      int fired = 0;
      for (CompiledRule rule : rules) {
        fired += evaluator.evaluate(rule, s).matches().size();
      }
      long ns = System.nanoTime() - t0;
      System.out.printf("pass %2d: %6.1f ms, %5.1f ns per rule x row, %d fired%n", pass,
          ns / 1e6, (double) ns / rows, fired);
    }
  }

  private static RestateSnapshot big(int partitions) {
    List<Log> logs = new ArrayList<>();
    List<Partition> parts = new ArrayList<>();
    List<Replica> replicas = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      logs.add(new Log(p, 100L, 10_000L, false, 1, "N1", "{node: 2}", List.of(1, 2, 3), 1));
      parts.add(new Partition(p, p, 1, 3L, List.of(1, 2, 3)));
      for (int n = 1; n <= 3; n++) {
        Long applied = p % 97 == 0 && n == 3 ? null : (long) (9_000 + p % 2000);
        replicas.add(Fixtures.replica(p, n, n == 1 ? "Leader" : "Follower", applied, 10_000L));
      }
    }
    return new RestateSnapshot("bench", 0, "N1",
        List.of(Fixtures.node(1, StorageState.READ_WRITE), Fixtures.node(2,
            StorageState.READ_WRITE), Fixtures.node(3, StorageState.DATA_LOSS)),
        logs, parts, replicas, new ClusterConfig(partitions, "{node: 2}", "{node: 2}",
            Map.of(1, true)), List.of(), List.of(), List.of());
  }
}
