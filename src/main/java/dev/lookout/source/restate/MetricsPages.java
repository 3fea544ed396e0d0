package dev.lookout.source.restate;

import dev.lookout.model.Sample;
import dev.lookout.tls.TlsMaterial;
import dev.lookout.source.prometheus.ParseResult;
import dev.lookout.source.prometheus.TextParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

  /** One node's page: the samples kept, labelled node="{@code node}", and the malformed families dropped. */
  record Page(String node, List<Sample> samples, List<String> droppedFamilies) {}

  /** Fetches the text of a node's page; failures complete the future exceptionally. */
  interface Fetcher {
    CompletableFuture<String> get(URI address, Duration timeout);
  }

  private final Fetcher fetcher;

  MetricsPages(Fetcher fetcher) {
    this.fetcher = fetcher;
  }

  /**
   * Over HTTP for http:// addresses (HTTPS with {@code tls}, whatever the scheme the cluster
   * advertises), over the socket itself for unix:// ones.
   */
  static MetricsPages overNetwork(Executor executor, Optional<TlsMaterial> tls) {
    HttpClient.Builder builder = HttpClient.newBuilder();
    tls.ifPresent(t -> builder.sslContext(t.sslContext()));
    HttpClient http = builder.executor(executor)
        .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    return new MetricsPages((address, timeout) -> "unix".equals(address.getScheme())
        ? UnixHttp.get(address.getPath(), "/metrics", timeout, executor)
        : overHttp(http, tls.isPresent() ? https(address) : address, timeout));
  }

  private static URI https(URI address) {
    return URI.create("https://" + address.getRawAuthority());
  }

  /** The page at {@code address}, its samples labelled node="{@code node}". */
  CompletableFuture<Page> fetch(URI address, Duration timeout, String node) {
    return fetcher.get(address, timeout).thenApply(text -> page(text, node));
  }

  private static CompletableFuture<String> overHttp(HttpClient http, URI address, Duration timeout) {
    HttpRequest request = HttpRequest.newBuilder(address.resolve("/metrics")).timeout(timeout).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
      if (response.statusCode() != 200) {
        return CompletableFuture.failedFuture(new Failures.BadResponseException(
            "/metrics answered HTTP " + response.statusCode()));
      }
      return CompletableFuture.completedFuture(response.body());
    });
  }

  static Page page(String text, String node) {
    ParseResult parsed = TextParser.parse(text, FAMILIES, "node", node);
    return new Page(node, parsed.samples(), parsed.droppedFamilies());
  }
}
