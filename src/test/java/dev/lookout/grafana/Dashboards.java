package dev.lookout.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The dashboards under grafana/dashboards/, their panels and queries, and the metric names they may use. */
final class Dashboards {
  static final Path DIR = Path.of("grafana/dashboards");
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The JVM and process families the agent's Micrometer binders export (see app/Registry.java):
   * JvmMemoryMetrics, JvmGcMetrics, JvmThreadMetrics, ClassLoaderMetrics, ProcessorMetrics,
   * UptimeMetrics. The e2e test proves each one used by a dashboard is on a real /metrics page.
   */
  static final Set<String> JVM_METRICS = Set.of(
      "jvm_memory_used_bytes", "jvm_memory_committed_bytes", "jvm_memory_max_bytes",
      "jvm_buffer_memory_used_bytes", "jvm_buffer_total_capacity_bytes", "jvm_buffer_count_buffers",
      "jvm_gc_pause_seconds", "jvm_gc_memory_allocated_bytes_total", "jvm_gc_memory_promoted_bytes_total",
      "jvm_gc_live_data_size_bytes", "jvm_gc_max_data_size_bytes", "jvm_gc_overhead",
      "jvm_threads_live_threads", "jvm_threads_daemon_threads", "jvm_threads_peak_threads",
      "jvm_threads_started_threads_total", "jvm_threads_states_threads",
      "jvm_classes_loaded_classes", "jvm_classes_unloaded_classes_total",
      "process_cpu_usage", "system_cpu_usage", "system_load_average_1m",
      "process_uptime_seconds", "process_start_time_seconds");

  /** Suffixes Prometheus adds to a summary or histogram family (Micrometer adds `_max` to timers). */
  private static final List<String> SUFFIXES = List.of("_count", "_sum", "_max", "_bucket");

  private static final Pattern README_ROW = Pattern.compile("^\\|\\s*`(lookout_[a-z0-9_]+)`\\s*\\|", Pattern.MULTILINE);
  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan", "atan2");

  private Dashboards() {}

  record Target(String dashboard, int panelId, String panelTitle, String refId, String expr) {
    @Override
    public String toString() {
      return dashboard + " panel " + panelId + " \"" + panelTitle + "\" " + refId + ": " + expr;
    }
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  /** Every panel, rows' nested panels included. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode p : dashboard.path("panels")) {
      all.add(p);
      for (JsonNode nested : p.path("panels")) {
        all.add(nested);
      }
    }
    return all;
  }

  static List<Target> targets(Path file) throws IOException {
    List<Target> targets = new ArrayList<>();
    for (JsonNode p : panels(read(file))) {
      for (JsonNode t : p.path("targets")) {
        if (t.hasNonNull("expr")) {
          targets.add(new Target(file.getFileName().toString(), p.path("id").asInt(),
              p.path("title").asText(), t.path("refId").asText(), t.get("expr").asText()));
        }
      }
    }
    return targets;
  }

  static List<Target> allTargets() throws IOException {
    List<Target> all = new ArrayList<>();
    for (Path f : files()) {
      all.addAll(targets(f));
    }
    return all;
  }

  /** The `lookout_*` names of the README's metrics table, plus the JVM families. */
  static Set<String> allowedMetrics() throws IOException {
    Set<String> names = new TreeSet<>(JVM_METRICS);
    Matcher m = README_ROW.matcher(Files.readString(Path.of("README.md")));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  static boolean allowed(String metric, Set<String> allowed) {
    if (allowed.contains(metric)) {
      return true;
    }
    for (String suffix : SUFFIXES) {
      if (metric.endsWith(suffix) && allowed.contains(metric.substring(0, metric.length() - suffix.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The metric names a PromQL expression selects: identifiers left once strings, label matchers,
   * range selectors and label lists of by/without/on/ignoring/group_* are removed, which are not
   * followed by '(' (functions and aggregations) and are not keywords.
   */
  static Set<String> metricNames(String expr) {
    String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(s);
    while (m.find()) {
      if (m.group(2) == null && !KEYWORDS.contains(m.group(1).toLowerCase())) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** Grafana's variables as a test substitutes them: $cluster, intervals of 30s, a range of 5m. */
  static String substitute(String expr, String cluster) {
    return expr.replace("${cluster}", cluster).replace("$cluster", cluster)
        .replace("${__rate_interval}", "30s").replace("$__rate_interval", "30s")
        .replace("${__interval}", "30s").replace("$__interval", "30s")
        .replace("${__range}", "5m").replace("$__range", "5m");
  }
}
