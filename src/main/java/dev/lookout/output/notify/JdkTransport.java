package dev.lookout.output.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link Transport} over the JDK's HTTP client. The request timeout alone only bounds the wait
 * for the response headers, so the whole exchange, body included, is bounded here as well.
 */
final class JdkTransport implements Transport, AutoCloseable {
  private final HttpClient client;
  private final ExecutorService executor;

  private JdkTransport(HttpClient client, ExecutorService executor) {
    this.client = client;
    this.executor = executor;
  }

  /** A client whose threads come from {@code threads}; redirects are not followed. */
  static JdkTransport create(ThreadFactory threads) {
    ExecutorService executor = Executors.newCachedThreadPool(threads);
    HttpClient client = HttpClient.newBuilder().executor(executor)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    return new JdkTransport(client, executor);
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
        client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
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
