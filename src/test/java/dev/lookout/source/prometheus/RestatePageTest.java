package dev.lookout.source.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A page served by node-1 of a real Restate 1.7.12 cluster (3 nodes, 4 partitions). */
class RestatePageTest {
  static final String RESOURCE = "/prometheus/restate-node.txt";

  static String page() throws IOException {
    try (InputStream in = RestatePageTest.class.getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Counted independently of the parser: every non-blank line that is not a comment. */
  private static long sampleLines(String page) {
    return page.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
  }

  private static double value(ParseResult r, String name, Map<String, String> labels) {
    List<Sample> found = r.samples().stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .collect(Collectors.toList());
    assertEquals(1, found.size(), () -> name + labels + " matched " + found);
    return found.get(0).value();
  }

  @Test
  void everyFamilyOfTheRealPageParses() throws IOException {
    String page = page();
    ParseResult r = TextParser.parse(page);
    assertEquals(List.of(), r.droppedFamilies());
    assertEquals(0, r.droppedLines());
    assertEquals(sampleLines(page), r.samples().size());
    assertTrue(r.samples().stream().allMatch(s -> s.label("cluster_name").equals("demo")
        && s.label("node_name").equals("node-1")));
  }

  @Test
  void knownValuesOfTheRealPage() throws IOException {
    ParseResult r = TextParser.parse(page());
    assertEquals(3, value(r, "restate_failure_detector_nodes_total", Map.of("state", "alive")));
    assertEquals(0, value(r, "restate_failure_detector_nodes_total", Map.of("state", "dead")));
    assertEquals(0, value(r, "restate_failure_detector_lonely", Map.of()));
    assertEquals(1, value(r, "restate_metadata_server_replicated_leader_id", Map.of()));
    assertEquals(3, value(r, "restate_num_active_partitions", Map.of()));
    assertEquals(1, value(r, "restate_partition_stop_total",
        Map.of("partition", "2", "type", "normal")));
    assertEquals(0, value(r, "restate_partition_applied_lsn_lag", Map.of("quantile", "0.99")));
    assertTrue(Double.isNaN(
        value(r, "restate_partition_snapshot_age_seconds", Map.of("quantile", "0.9"))));
    assertEquals(4, value(r, "restate_metadata_client_get_version_duration_seconds_count",
        Map.of()));
    assertEquals(0.049080241000000004,
        value(r, "restate_metadata_client_get_version_duration_seconds_sum", Map.of()));
  }

  @Test
  void restateRepeatsRocksDbFamiliesOncePerDatabase() throws IOException {
    ParseResult r = TextParser.parse(page(), Set.of("restate_rocksdb_background_errors"));
    assertEquals(List.of(
        "restate_rocksdb_background_errors{cluster_name=demo,db=db,node_name=node-1} 0.0",
        "restate_rocksdb_background_errors{cluster_name=demo,db=log-server,node_name=node-1} 0.0",
        "restate_rocksdb_background_errors{cluster_name=demo,db=replicated-metadata-server,"
            + "node_name=node-1} 0.0"),
        Rendered.of(r));
  }

  @Test
  void filterKeepsTheFamiliesAnAgentReads() throws IOException {
    Set<String> wanted = Set.of("restate_failure_detector_nodes_total",
        "restate_partition_applied_lsn_lag", "restate_metadata_server_replicated_leader_id");
    ParseResult r = TextParser.parse(page(), wanted);
    assertEquals(9, r.samples().size());
    assertEquals(wanted.size(), r.samples().stream().map(Sample::name).distinct().count());
  }

  @Test
  void oneBrokenFamilyInTheRealPageCostsOnlyThatFamily() throws IOException {
    String page = page();
    String good = "restate_partition_applied_lsn_lag{cluster_name=\"demo\",node_name=\"node-1\","
        + "quantile=\"0.9\"} 0";
    assertTrue(page.contains(good));
    String broken = page.replace(good, good.replace("quantile=\"0.9\"", "quantile=\"0.9\\x\""));
    ParseResult r = TextParser.parse(broken);
    assertEquals(List.of("restate_partition_applied_lsn_lag"), r.droppedFamilies());
    assertEquals(1, r.droppedLines());
    assertEquals(sampleLines(page) - 4, r.samples().size());
  }
}
