package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import dev.lookout.model.ClusterConfig;
import dev.lookout.model.Liveness;
import dev.lookout.model.Node;
import dev.lookout.model.Probe;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.StorageState;
import dev.lookout.rules.RuleSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules whose history functions look 15 minutes back fire in the agent's own
 * evaluation path (one evaluation per 10-second tick), not only in rule unit tests.
 */
class LongWindowRulesTest {
  private static final long TICK = 10_000;

  @Test
  void aNodeRestartingThreeTimesInFifteenMinutesButNeverTwiceInFiveWarns() throws Exception {
    Alerting alerting = new Alerting(RuleSet.load(List.of(WholeTick.SHIPPED_RULES), "https://rb"));
    for (long t = 0; t <= 16 * 60_000; t += TICK) {
      // Restarts at 1m, 6m and 11m: never two within 5 minutes, three within 15.
      int generation = 1 + (t >= 60_000 ? 1 : 0) + (t >= 360_000 ? 1 : 0) + (t >= 660_000 ? 1 : 0);
      alerting.evaluate(List.of(new Alerting.RestateView("restate", cluster(t, generation))),
          Instant.ofEpochMilli(t));
      boolean firing = restarting(alerting);
      if (t < 15 * 60_000) {
        assertTrue(!firing, "fired at " + t + " ms with less than 15m of history");
      } else if (t == 15 * 60_000) {
        assertTrue(firing, "three restarts within the last 15m at " + t + " ms");
      }
    }
    assertEquals(false, restarting(alerting), "at 16m the restart at 1m has aged out");
  }

  private static boolean restarting(Alerting alerting) {
    return alerting.alerts().stream().filter(a -> a.state() == AlertState.FIRING).map(Alert::labels)
        .anyMatch(l -> "RestateNodeRestarting".equals(l.get("alertname")) && "N3".equals(l.get("node")));
  }

  private static RestateSnapshot cluster(long atMillis, int generation) {
    List<Node> nodes = List.of(node(1, 1), node(2, 1), node(3, generation));
    return new RestateSnapshot("restate", atMillis, "n1", nodes, List.of(), List.of(), List.of(),
        ClusterConfig.UNKNOWN, List.of(), List.of(), List.of());
  }

  private static Node node(int id, int generation) {
    return new Node(id, generation, "node-" + id, "", List.of("worker", "log-server"), Liveness.ALIVE,
        StorageState.READ_WRITE, "active", "member", "1.7.12", Probe.OK, 600);
  }
}
