package dev.lookout.source.restate;

import dev.lookout.model.Sample;
import dev.lookout.source.prometheus.ParseResult;
import dev.lookout.source.prometheus.TextParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Reads the Prometheus page each node serves on its node-to-node port and keeps only the
 * families the rules use. A malformed family is dropped by the parser and counted, never the page.
 */
final class MetricsPages {
  /** Families that show faults the cluster tables do not (blocked processors, crash loops, lag). */
  static final Set<String> FAMILIES = Set.of(
      "restate_partition_blocked_flare", "restate_partition_start_total",
      "restate_partition_stop_total", "restate_partition_applied_lsn_lag",
      "restate_partition_snapshot_age_seconds", "restate_num_active_partitions",
      "restate_failure_detector_nodes_total", "restate_failure_detector_lonely",
      "restate_metadata_server_replicated_leader_id");

  /** One node's page: the samples kept and the malformed families dropped. */
  record Page(List<Sample> samples, List<String> droppedFamilies) {}

  private final HttpClient http;
  private final Executor executor;

  MetricsPages(Executor executor) {
    this.executor = executor;
    this.http = HttpClient.newBuilder().executor(executor)
        .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  }

  CompletableFuture<Page> fetch(URI address, Duration timeout) {
    return body(address, timeout).thenApply(MetricsPages::page);
  }

  private CompletableFuture<String> body(URI address, Duration timeout) {
    if ("unix".equals(address.getScheme())) {
      return UnixHttp.get(address.getPath(), "/metrics", timeout, executor);
    }
    HttpRequest request = HttpRequest.newBuilder(address.resolve("/metrics")).timeout(timeout).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
      if (response.statusCode() != 200) {
        return CompletableFuture.failedFuture(new Failures.BadResponseException(
            "/metrics answered HTTP " + response.statusCode()));
      }
      return CompletableFuture.completedFuture(response.body());
    });
  }

  static Page page(String text) {
    ParseResult parsed = TextParser.parse(text, FAMILIES::contains);
    return new Page(parsed.samples(), parsed.droppedFamilies());
  }
}
