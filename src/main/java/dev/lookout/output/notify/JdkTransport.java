package dev.lookout.output.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * {@link Transport} over the JDK's HTTP client. The request timeout alone only bounds the wait
 * for the response headers, so the whole exchange, body included, is bounded here as well.
 */
final class JdkTransport implements Transport, AutoCloseable {
  private final HttpClient client;
  private final Map<URI, HttpClient> tlsClients;
  private final ExecutorService executor;

  private JdkTransport(HttpClient client, Map<URI, HttpClient> tlsClients,
      ExecutorService executor) {
    this.client = client;
    this.tlsClients = Map.copyOf(tlsClients);
    this.executor = executor;
  }

  /** A client whose threads come from {@code threads}; redirects are not followed. */
  static JdkTransport create(ThreadFactory threads) {
    return create(threads, Map.of());
  }

  /**
   * Like {@link #create(ThreadFactory)}, with the TLS context (CAs, client certificate) of each
   * endpoint that has its own; the others use the JDK's default CAs.
   */
  static JdkTransport create(ThreadFactory threads, Map<URI, SSLContext> tlsByEndpoint) {
    ExecutorService executor = Executors.newCachedThreadPool(threads);
    Map<URI, HttpClient> tlsClients = new HashMap<>();
    tlsByEndpoint.forEach((endpoint, tls) -> tlsClients.put(endpoint, client(executor, tls)));
    return new JdkTransport(client(executor, null), tlsClients, executor);
  }

  private static HttpClient client(ExecutorService executor, SSLContext tls) {
    HttpClient.Builder builder = HttpClient.newBuilder().executor(executor)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (tls != null) {
      builder.sslContext(tls);
    }
    return builder.build();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  @Override
  public Reply post(Request request) throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
        .timeout(request.timeout())
        .POST(HttpRequest.BodyPublishers.ofString(request.body()));
    request.headers().forEach(builder::header);
    CompletableFuture<HttpResponse<String>> exchange =
        tlsClients.getOrDefault(request.uri(), client)
            .sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
    try {
      HttpResponse<String> response =
          exchange.get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return new Reply(response.statusCode(), response.body());
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException("no complete reply within " + request.timeout());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    }
  }
}
