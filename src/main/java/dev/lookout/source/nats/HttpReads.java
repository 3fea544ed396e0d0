package dev.lookout.source.nats;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/** Asynchronous GETs of monitoring endpoints; every call ends by its deadline, as a Reply. */
final class HttpReads {
  private static final long MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private final HttpClient client;

  /** With {@code tls}, https:// servers are checked against its CAs and shown its certificate. */
  HttpReads(Executor executor, Duration connectTimeout, Optional<SSLContext> tls) {
    HttpClient.Builder builder = HttpClient.newBuilder();
    tls.ifPresent(builder::sslContext);
    this.client = builder
        .executor(executor)
        .connectTimeout(connectTimeout)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Never completes exceptionally: failures become {@link Reply#failed}. */
  CompletableFuture<Reply> get(URI server, Endpoint endpoint, long deadlineNanos) {
    long remaining = Math.max(MIN_NANOS, deadlineNanos - System.nanoTime());
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(resolve(server, endpoint))
          .timeout(Duration.ofNanos(remaining)).GET().build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(Reply.failed(Reply.Failure.UNREACHABLE));
    }
    CompletableFuture<HttpResponse<String>> call;
    try {
      call = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    } catch (RuntimeException e) {
      // E.g. an executor that refuses work while the agent shuts down.
      call = CompletableFuture.failedFuture(e);
    }
    return call.orTimeout(remaining, TimeUnit.NANOSECONDS)
        .handle((response, failure) -> failure == null
            ? Reply.of(response.statusCode(), response.body())
            : Reply.failed(kind(failure)));
  }

  /** Appends the endpoint to the server's URL, keeping any path prefix it has. */
  static URI resolve(URI server, Endpoint endpoint) {
    String base = server.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + endpoint.path());
  }

  private static Reply.Failure kind(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return Reply.Failure.TIMEOUT;
    }
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof SSLException) {
        return Reply.Failure.TLS;
      }
    }
    // Refused, reset or closed without an answer: nothing listens there now.
    return Reply.Failure.UNREACHABLE;
  }
}
