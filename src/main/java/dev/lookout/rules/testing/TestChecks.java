package dev.lookout.rules.testing;

import dev.lookout.config.Durations;
import dev.lookout.rules.testing.TestFile.AlertCheck;
import dev.lookout.rules.testing.TestFile.TestCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a test must satisfy before it runs, beyond the shape Jackson already checked. Every
 * problem of a test is listed at once, each with the path of the offending entry.
 */
final class TestChecks {
  private final Duration interval;
  private final Set<String> alertnames;
  private final List<String> problems = new ArrayList<>();

  private TestChecks(Duration interval, Set<String> alertnames) {
    this.interval = interval;
    this.alertnames = alertnames;
  }

  /** Empty when the test can run. {@code alertnames} are those the rule files define. */
  static List<String> problems(TestCase test, Duration interval, Set<String> alertnames) {
    TestChecks checks = new TestChecks(interval, alertnames);
    if (test.name() == null || test.name().isBlank()) {
      checks.problems.add("missing required key \"name\"");
    }
    checks.snapshots(test.snapshotsOrEmpty());
    List<AlertCheck> alerts = test.alertsOrEmpty();
    for (int i = 0; i < alerts.size(); i++) {
      checks.alert("alerts[" + i + "]", alerts.get(i));
    }
    return List.copyOf(checks.problems);
  }

  private void snapshots(List<SnapshotSpec> snapshots) {
    if (snapshots.isEmpty()) {
      problems.add("snapshots: a test needs at least one snapshot");
    }
    Duration previous = null;
    for (int i = 0; i < snapshots.size(); i++) {
      String path = "snapshots[" + i + "]";
      SnapshotSpec s = snapshots.get(i);
      Duration at = s.at();
      if (at == null) {
        problems.add(path + ": missing required key \"at\"");
      } else if (previous == null && !at.isZero()) {
        problems.add(path + ".at: the first snapshot must be at 0s, got " + Durations.format(at));
      } else if (previous != null && at.compareTo(previous) <= 0) {
        problems.add(path + ".at: " + Durations.format(at)
            + " is not after the snapshot before it (" + Durations.format(previous) + ")");
      }
      previous = at == null ? previous : at;
      entities(path, s);
    }
  }

  private void entities(String path, SnapshotSpec s) {
    if (Boolean.FALSE.equals(s.tablesRead()) && (s.nodes() != null || s.logs() != null
        || s.partitions() != null || s.replicas() != null || s.config() != null)) {
      problems.add(path + ": a snapshot with tables_read: false has no nodes, logs, partitions, "
          + "replicas or config");
    }
    require(path + ".nodes", s.nodes(), n -> n.id() != null, "id");
    require(path + ".logs", s.logs(), l -> l.id() != null, "id");
    require(path + ".partitions", s.partitions(), p -> p.id() != null, "id");
    require(path + ".replicas", s.replicas(), r -> r.partition() != null, "partition");
    require(path + ".replicas", s.replicas(), r -> r.node() != null, "node");
    require(path + ".samples", s.samples(), x -> x.name() != null, "name");
    nats(path, s);
  }

  private void nats(String path, SnapshotSpec s) {
    NatsSpec n = s.nats();
    if (n == null) {
      return;
    }
    if (s.nodes() != null || s.logs() != null || s.partitions() != null
        || s.replicas() != null || s.config() != null || s.tablesRead() != null) {
      problems.add(path + ": a snapshot describes either a Restate cluster or a NATS one (nats)");
    }
    require(path + ".nats.servers", n.servers(), x -> x.name() != null, "name");
    require(path + ".nats.streams", n.streams(), x -> x.name() != null, "name");
    for (int i = 0; n.streams() != null && i < n.streams().size(); i++) {
      require(path + ".nats.streams[" + i + "].replicas", n.streams().get(i).replicas(),
          x -> x.server() != null, "server");
    }
    require(path + ".nats.channels", n.channels(), x -> x.name() != null, "name");
    require(path + ".nats.channels", n.channels(), x -> !x.serversOrOne().isEmpty(), "server");
    for (int i = 0; n.channels() != null && i < n.channels().size(); i++) {
      require(path + ".nats.channels[" + i + "].subscriptions",
          n.channels().get(i).subscriptions(), x -> x.clientId() != null, "clientId");
    }
  }

  private <T> void require(String path, List<T> entries, Predicate<T> present, String key) {
    for (int i = 0; entries != null && i < entries.size(); i++) {
      if (!present.test(entries.get(i))) {
        problems.add(path + "[" + i + "]: missing required key \"" + key + "\"");
      }
    }
  }

  private void alert(String path, AlertCheck check) {
    if (check.at() == null) {
      problems.add(path + ": missing required key \"at\"");
    } else if (check.at().toMillis() % interval.toMillis() != 0) {
      problems.add(path + ".at: " + Durations.format(check.at())
          + " is not a multiple of the evaluation interval " + Durations.format(interval));
    }
    if (check.alertname() == null) {
      problems.add(path + ": missing required key \"alertname\"");
    } else if (!alertnames.contains(check.alertname())) {
      problems.add(path + ".alertname: no rule in the rule files is named \""
          + check.alertname() + "\"");
    }
  }
}
