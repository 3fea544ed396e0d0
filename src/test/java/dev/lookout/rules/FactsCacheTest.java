package dev.lookout.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lookout.model.RestateSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A snapshot's joins: computed once, kept only while the snapshot is a target's newest. */
class FactsCacheTest {
  @Test
  void factsAreSharedWhileTheSnapshotIsReachableAndForgottenAfter() {
    RuleEvaluator evaluator = new RuleEvaluator();
    RestateSnapshot older = Fixtures.cluster(0, 200);
    RestateSnapshot newest = Fixtures.cluster(10_000, 210);
    SnapshotFacts olderFacts = evaluator.facts(older);
    SnapshotFacts newestFacts = evaluator.facts(newest);
    assertSame(newestFacts, evaluator.facts(newest));

    evaluator.retainOnly(List.of(newest), List.of());
    assertSame(newestFacts, evaluator.facts(newest));
    assertNotSame(olderFacts, evaluator.facts(older), "the older snapshot's facts were forgotten");
  }

  @Test
  void nodeAndPartitionNumbersAreReadFromLabels() {
    assertEquals(12, SnapshotFacts.id("N12", "N"));
    assertEquals(7, SnapshotFacts.id("7", ""));
    assertEquals(-1, SnapshotFacts.id("N", "N"));
    assertEquals(-1, SnapshotFacts.id("N1a", "N"));
    assertEquals(-1, SnapshotFacts.id("M1", "N"));
    assertEquals(-1, SnapshotFacts.id("1234567890", ""));
    assertEquals(-1, SnapshotFacts.id("", ""));
  }
}
