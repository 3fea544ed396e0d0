package dev.lookout.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.source.restate.ClusterShape;
import org.junit.jupiter.api.Test;

/**
 * A short run of the scale benchmark in every build: two small simulated clusters, a few ticks
 * each, so the harness keeps working. Its figures are printed, not judged, except the cost per
 * replica row, which must not grow with the cluster (loosely: the machine may be busy).
 */
class ScaleSmokeTest {
  @Test
  void wholeTickRunsAtTwoSmallSizesAndCostPerReplicaRowDoesNotGrow() throws Exception {
    ScaleRun.Row small = ScaleRun.measure(ClusterShape.of(3, 24, 3), 3, 3);
    ScaleRun.Row larger = ScaleRun.measure(ClusterShape.of(16, 256, 3), 3, 3);
    System.out.println(ScaleRun.Row.header() + "\n" + small.line() + "\n" + larger.line());
    assertTrue(small.series() > 24 * 3 * 8, "every replica has its series: " + small.line());
    assertTrue(larger.series() > 256 * 3 * 8, "every replica has its series: " + larger.line());
    assertEquals(0, larger.alerts(), "a healthy simulated cluster raises no alert: " + larger.line());
    assertTrue(larger.cpuNanosPerReplicaRow() < 3 * small.cpuNanosPerReplicaRow(),
        "CPU per replica row grew with the cluster: " + small.line() + " then " + larger.line());
  }
}
