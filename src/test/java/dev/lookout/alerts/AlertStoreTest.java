package dev.lookout.alerts;

import static dev.lookout.alerts.Times.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AlertStoreTest {
  private static final Duration RESEND = Duration.ofMinutes(1);
  private static final List<Candidate> NODE_A = List.of(Candidate.of(Map.of("node", "a")));

  @TempDir
  Path dir;

  @Test
  void missingFileIsEmptyState() throws IOException {
    assertEquals(Map.of(), new AlertStore(dir).load());
  }

  @Test
  void roundTripKeepsEveryField() throws IOException {
    Map<String, String> labels = Map.of("alertname", "NodeDown", "node", "a");
    Alert pending = Alert.pending(labels, Map.of("summary", "node a is down"), at("0s"));
    Alert firing = pending.fired(at("1m")).sent(at("1m"), at("5m"));
    Alert resolved = firing.resolved(at("2m"));
    Map<String, List<Alert>> saved = Map.of(
        "NodeDown", List.of(pending, firing, resolved),
        "DiskFull", List.of(),
        "Quiet", List.of(Alert.pending(Map.of("alertname", "Quiet"), Map.of(), at("3m"))));
    AlertStore store = new AlertStore(dir);

    store.save(saved);

    assertEquals(saved, store.load());
    assertTrue(Files.readString(store.file()).contains("\"version\" : 1"));
    assertFalse(Files.exists(dir.resolve(AlertStore.TEMP_NAME)));
  }

  @Test
  void restartDuringPendingFiresAtTheOriginalActiveAtPlusFor() throws IOException {
    AlertRuleState before = new AlertRuleState("NodeDown", Duration.ofMinutes(5), Duration.ZERO);
    before.evaluate(NODE_A, at("0s"));
    before.evaluate(NODE_A, at("2m"));
    AlertStore store = new AlertStore(dir);
    store.save(Map.of("NodeDown", before.alerts()));

    AlertRuleState after = restored(store, Duration.ofMinutes(5), Duration.ZERO);

    assertEquals(Transition.STILL_PENDING, only(after.evaluate(NODE_A, at("4m59s"))).transition());
    Evaluation.Outcome fired = only(after.evaluate(NODE_A, at("5m")));
    assertEquals(Transition.FIRED, fired.transition());
    assertEquals(at("0s"), fired.alert().activeAt());
    assertEquals(at("5m"), fired.alert().firedAt());
  }

  @Test
  void restoredFiringAlertIsNotNew() throws IOException {
    AlertRuleState before = new AlertRuleState("NodeDown", Duration.ZERO, Duration.ZERO);
    before.evaluate(NODE_A, at("0s"));
    before.markSent(Map.of("alertname", "NodeDown", "node", "a"), at("0s"), at("4m"));
    AlertStore store = new AlertStore(dir);
    store.save(Map.of("NodeDown", before.alerts()));

    AlertRuleState after = restored(store, Duration.ZERO, Duration.ZERO);
    Evaluation.Outcome o = only(after.evaluate(NODE_A, at("30s")));

    assertEquals(Transition.STILL_FIRING, o.transition());
    assertEquals(at("0s"), o.alert().firedAt());
    assertFalse(after.needsSending(o.alert(), at("30s"), RESEND));
    assertTrue(after.needsSending(o.alert(), at("1m"), RESEND));
  }

  @Test
  void restoredResolvedAlertKeepsItsRetention() throws IOException {
    AlertRuleState before = new AlertRuleState("NodeDown", Duration.ZERO, Duration.ZERO);
    before.evaluate(NODE_A, at("0s"));
    before.evaluate(List.of(), at("1m"));
    AlertStore store = new AlertStore(dir);
    store.save(Map.of("NodeDown", before.alerts()));

    AlertRuleState after = restored(store, Duration.ZERO, Duration.ZERO);

    assertEquals(Transition.STILL_RESOLVED, only(after.evaluate(List.of(), at("16m"))).transition());
    assertEquals(Transition.EXPIRED, only(after.evaluate(List.of(), at("16m1s"))).transition());
  }

  @Test
  void failedTempWriteLeavesTheOldFileIntact() throws IOException {
    AlertStore store = new AlertStore(dir);
    Map<String, List<Alert>> old = Map.of("NodeDown",
        List.of(Alert.pending(Map.of("alertname", "NodeDown"), Map.of(), at("0s"))));
    store.save(old);
    // A directory where the temp file should go makes its creation fail.
    Files.createDirectory(dir.resolve(AlertStore.TEMP_NAME));

    assertThrows(IOException.class, () -> store.save(Map.of()));

    assertEquals(old, store.load());
    assertTrue(Files.isDirectory(dir.resolve(AlertStore.TEMP_NAME)));
  }

  @Test
  void readOnlyDirectoryFailsWithIoExceptionAndKeepsTheOldFile() throws IOException {
    AlertStore store = new AlertStore(dir);
    store.save(Map.of());
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(dir), "permissions are not enforced for this user (root)");
      assertThrows(IOException.class, () -> store.save(Map.of("NodeDown", List.of())));
      assertEquals(Map.of(), store.load());
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  record Corrupt(String name, String content, String problem) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Corrupt> corrupt() {
    String alert = "{\"labels\":{\"alertname\":\"NodeDown\"},\"annotations\":{},"
        + "\"state\":\"%s\",\"activeAt\":%s,\"lastSeenAt\":\"2024-05-01T00:00:00Z\"%s}";
    String rules = "{\"version\":1,\"rules\":{\"NodeDown\":[%s]}}";
    return Stream.of(
        new Corrupt("empty", "", "empty file"),
        new Corrupt("not an object", "[]", "the document: expected a JSON object, got []"),
        new Corrupt("no version", "{\"rules\":{}}", "version: expected 1, got null"),
        new Corrupt("newer version", "{\"version\":2,\"rules\":{}}",
            "version: expected 1, got 2"),
        new Corrupt("no rules", "{\"version\":1}", "rules: expected a JSON object, got null"),
        new Corrupt("rule not an array", "{\"version\":1,\"rules\":{\"NodeDown\":{}}}",
            "rules.NodeDown: expected an array of alerts"),
        new Corrupt("unknown state", String.format(rules, String.format(alert, "ACTIVE",
            "\"2024-05-01T00:00:00Z\"", "")),
            "rules.NodeDown[0].state: expected one of PENDING, FIRING, RESOLVED, got \"ACTIVE\""),
        new Corrupt("bad instant", String.format(rules, String.format(alert, "PENDING",
            "\"yesterday\"", "")),
            "rules.NodeDown[0].activeAt: expected an ISO-8601 instant such as "
                + "2024-05-01T12:00:00Z, got \"yesterday\""),
        new Corrupt("missing activeAt", String.format(rules, String.format(alert, "PENDING",
            "null", "")), "rules.NodeDown[0].activeAt: missing"),
        new Corrupt("firing without firedAt", String.format(rules, String.format(alert, "FIRING",
            "\"2024-05-01T00:00:00Z\"", "")),
            "rules.NodeDown[0]: a FIRING alert cannot have firedAt=null and resolvedAt=null"),
        new Corrupt("alert of another rule", String.format(rules, String.format(alert, "PENDING",
            "\"2024-05-01T00:00:00Z\"", "").replace("\"NodeDown\"}", "\"DiskFull\"}")),
            "rules.NodeDown[0].labels.alertname: expected NodeDown, got DiskFull"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corrupt")
  void corruptFileNamesTheFileAndTheProblem(Corrupt c) throws IOException {
    AlertStore store = new AlertStore(dir);
    Files.writeString(store.file(), c.content());

    var e = assertThrows(CorruptAlertStateException.class, store::load);

    assertEquals(store.file() + ": " + c.problem(), e.getMessage());
  }

  @Test
  void invalidJsonNamesTheFileAndWhere() throws IOException {
    AlertStore store = new AlertStore(dir);
    Files.writeString(store.file(), "{\"version\":1,\n\"rules\":{");

    var e = assertThrows(CorruptAlertStateException.class, store::load);

    assertTrue(e.getMessage().startsWith(store.file() + ": not valid JSON at line 2, column "),
        e.getMessage());
    assertEquals(store.file(), e.file());
  }

  private static AlertRuleState restored(AlertStore store, Duration forDuration,
      Duration keepFiringFor) throws IOException {
    AlertRuleState state = new AlertRuleState("NodeDown", forDuration, keepFiringFor);
    state.restore(store.load().get("NodeDown"));
    return state;
  }

  private static Evaluation.Outcome only(Evaluation evaluation) {
    assertEquals(1, evaluation.outcomes().size(), evaluation.toString());
    return evaluation.outcomes().get(0);
  }
}
