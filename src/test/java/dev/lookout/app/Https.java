package dev.lookout.app;

import dev.lookout.tls.TestCertificates;
import dev.lookout.tls.TlsMaterial;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** Requests to an agent served over TLS with the test CA, with or without credentials. */
final class Https {
  private final int port;
  private final HttpClient client;

  Https(int port, TestCertificates certs) throws Exception {
    this.port = port;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .sslContext(TlsMaterial.load(Optional.of(certs.ca()), Optional.empty(), Optional.empty())
            .sslContext()).build();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, String authorization) {
    return send(request(path, authorization).GET());
  }

  HttpResponse<String> post(String path, String authorization) {
    return send(request(path, authorization).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
