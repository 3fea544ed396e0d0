package dev.lookout.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads series of the agent's own /metrics over real HTTP, as Prometheus would. */
final class MetricsText {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private MetricsText() {}

  static HttpResponse<String> get(int port, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The value of the first series of {@code name} whose labels contain every given pair; null if none. */
  static Double value(String page, String name, String... labelPairs) {
    for (String line : page.split("\n")) {
      if (!line.startsWith(name + "{")) {
        continue;
      }
      boolean all = true;
      for (String pair : labelPairs) {
        all &= line.contains(pair);
      }
      if (all) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return null;
  }
}
