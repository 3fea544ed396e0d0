package dev.lookout.rules.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A rule test file as written, in the manner of promtool's {@code test rules}: the rule files
 * under test and a list of tests, each a timeline of cluster snapshots and the alerts expected to
 * fire at given times. Keys left out are null here; defaults are applied by the readers of these
 * records, so that the records mirror the file exactly.
 */
record TestFile(
    @JsonProperty("rule_files") List<String> ruleFiles,
    @JsonProperty("runbook_base_url") String runbookBaseUrl,
    @JsonProperty("evaluation_interval") Duration evaluationInterval,
    List<TestCase> tests) {

  static final String DEFAULT_RUNBOOK_BASE = "https://runbooks.example";
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  String runbookBase() {
    return runbookBaseUrl == null ? DEFAULT_RUNBOOK_BASE : runbookBaseUrl;
  }

  Duration interval() {
    return evaluationInterval == null ? DEFAULT_INTERVAL : evaluationInterval;
  }

  List<TestCase> testsOrEmpty() {
    return tests == null ? List.of() : tests;
  }

  /** One test: snapshots in time order, each holding until the next one. */
  record TestCase(String name, List<SnapshotSpec> snapshots, List<AlertCheck> alerts) {
    List<SnapshotSpec> snapshotsOrEmpty() {
      return snapshots == null ? List.of() : snapshots;
    }

    List<AlertCheck> alertsOrEmpty() {
      return alerts == null ? List.of() : alerts;
    }
  }

  /** The alerts of one name that must be firing at {@code at}; a missing list means none. */
  record AlertCheck(Duration at, String alertname, List<ExpectedAlert> firing) {
    List<ExpectedAlert> firingOrEmpty() {
      return firing == null ? List.of() : firing;
    }
  }

  /**
   * One firing alert: every label but {@code alertname}, compared exactly; annotations only
   * compared when given.
   */
  record ExpectedAlert(Map<String, String> labels, Map<String, String> annotations) {
    Map<String, String> labelsOrEmpty() {
      return labels == null ? Map.of() : labels;
    }
  }
}
