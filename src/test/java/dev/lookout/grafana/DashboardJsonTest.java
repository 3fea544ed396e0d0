package dev.lookout.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dashboards are JSON of Grafana's current schema that query only metrics Lookout serves. */
class DashboardJsonTest {
  /** Grafana 11's dashboard schema; older versions are migrated on load and should not be shipped. */
  private static final int CURRENT_SCHEMA_VERSION = 39;

  static List<Path> dashboards() throws Exception {
    return Dashboards.files();
  }

  @Test
  void theThreeDashboardsExist() throws Exception {
    Set<String> names = new TreeSet<>();
    for (Path p : Dashboards.files()) {
      names.add(p.getFileName().toString());
    }
    assertEquals(Set.of("lookout-agent.json", "nats.json", "restate-cluster.json"), names);
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void isValidJsonOfTheCurrentSchema(Path file) throws Exception {
    JsonNode d = Dashboards.read(file);
    assertTrue(d.isObject(), file + " is not a JSON object");
    assertTrue(d.path("schemaVersion").asInt() >= CURRENT_SCHEMA_VERSION,
        file + ": schemaVersion " + d.path("schemaVersion"));
    assertFalse(d.path("uid").asText().isBlank(), file + ": uid");
    assertFalse(d.path("title").asText().isBlank(), file + ": title");
    assertTrue(d.has("panels") && d.get("panels").size() > 0, file + ": no panels");
    for (JsonNode p : Dashboards.panels(d)) {
      assertFalse(p.path("type").asText().isBlank(), file + ": panel without type " + p);
      JsonNode grid = p.path("gridPos");
      for (String k : List.of("h", "w", "x", "y")) {
        assertTrue(grid.path(k).isInt(), file + ": panel " + p.path("id") + " gridPos." + k);
      }
      assertTrue(grid.get("x").asInt() + grid.get("w").asInt() <= 24, file + ": panel " + p.path("id") + " wider than the grid");
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void panelIdsAreUnique(Path file) throws Exception {
    Set<Integer> seen = new HashSet<>();
    for (JsonNode p : Dashboards.panels(Dashboards.read(file))) {
      assertTrue(p.path("id").isInt(), file + ": panel without id: " + p.path("title"));
      assertTrue(seen.add(p.get("id").asInt()), file + ": duplicate panel id " + p.get("id"));
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void hasTheDatasourceAndClusterVariables(Path file) throws Exception {
    JsonNode d = Dashboards.read(file);
    JsonNode datasource = variable(d, "datasource");
    assertEquals("datasource", datasource.path("type").asText(), file + ": datasource variable type");
    assertEquals("prometheus", datasource.path("query").asText(), file + ": datasource variable query");
    JsonNode cluster = variable(d, "cluster");
    assertEquals("query", cluster.path("type").asText(), file + ": cluster variable type");
    JsonNode query = cluster.path("query");
    String q = query.isObject() ? query.path("query").asText() : query.asText();
    assertEquals("label_values(lookout_target_up, cluster)", q, file + ": cluster variable query");
    assertEquals("${datasource}", cluster.path("datasource").path("uid").asText(), file + ": cluster variable datasource");
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void everyQueryUsesTheDatasourceVariableAndTheClusterLabel(Path file) throws Exception {
    for (JsonNode p : Dashboards.panels(Dashboards.read(file))) {
      for (JsonNode t : p.path("targets")) {
        String where = file.getFileName() + " panel " + p.path("id") + " " + t.path("refId");
        assertEquals("${datasource}", t.path("datasource").path("uid").asText(), where + ": datasource");
        String expr = t.path("expr").asText();
        assertFalse(expr.isBlank(), where + ": no expr");
        assertTrue(expr.contains("cluster=\"$cluster\""), where + ": not filtered by $cluster: " + expr);
      }
    }
  }

  @Test
  void queriesUseOnlyMetricsLookoutServes() throws Exception {
    Set<String> allowed = Dashboards.allowedMetrics();
    assertTrue(allowed.contains("lookout_restate_replica_trim_distance") && allowed.size() > 40,
        "README metrics table not parsed: " + allowed);
    List<String> unknown = new ArrayList<>();
    for (Dashboards.Target t : Dashboards.allTargets()) {
      for (String name : Dashboards.metricNames(t.expr())) {
        if (!Dashboards.allowed(name, allowed)) {
          unknown.add(name + " in " + t);
        }
      }
    }
    assertEquals(List.of(), unknown);
  }

  @Test
  void metricNamesAreFoundInsideExpressions() {
    assertEquals(Set.of("lookout_alerts"), Dashboards.metricNames(
        "sum by (severity) (lookout_alerts{cluster=\"$cluster\", alertstate=\"firing\"}) or vector(0)"));
    assertEquals(Set.of("jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_count"), Dashboards.metricNames(
        "sum by (gc) (rate(jvm_gc_pause_seconds_sum[$__rate_interval])) / on (gc) sum by (gc) (rate(jvm_gc_pause_seconds_count[5m]))"));
    assertEquals(Set.of("lookout_restate_node_storage_state"), Dashboards.metricNames(
        "label_replace(lookout_restate_node_storage_state{state=\"a(b)\"} == 1, \"x\", \"$1\", \"state\", \"(.*)\") * 2.5e3"));
    assertTrue(Dashboards.allowed("jvm_gc_pause_seconds_max", Set.of("jvm_gc_pause_seconds")));
    assertFalse(Dashboards.allowed("lookout_nonexistent", Set.of("lookout_alerts")));
  }

  @Test
  void provisioningFilesPointAtTheDashboards() throws Exception {
    String dashboards = Files.readString(Path.of("grafana/provisioning/dashboards/lookout.yaml"));
    assertTrue(dashboards.contains("apiVersion: 1") && dashboards.contains("type: file"), dashboards);
    String datasources = Files.readString(Path.of("grafana/provisioning/datasources/prometheus.yaml"));
    assertTrue(datasources.contains("apiVersion: 1") && datasources.contains("type: prometheus"), datasources);
  }

  private static JsonNode variable(JsonNode dashboard, String name) {
    for (JsonNode v : dashboard.path("templating").path("list")) {
      if (name.equals(v.path("name").asText())) {
        return v;
      }
    }
    throw new AssertionError("no variable " + name);
  }
}
