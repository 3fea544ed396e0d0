package dev.lookout.source.nats;

import dev.lookout.model.SourceError;
import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.StanChannel;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads one NATS cluster per tick from every server's monitoring port: all endpoints of all
 * servers in parallel, under one deadline. A dead, hung or confused server costs only its own
 * entries, reported as errors; {@link #scrape} never throws for what a server does.
 */
public final class NatsSource implements AutoCloseable {
  /** Time past the deadline for answers already on their way to be collected. */
  private static final long GRACE_MILLIS = 100;

  private final String target;
  private final Map<String, URI> servers;
  private final Duration timeout;
  private final HttpReads http;
  /** The name each label's server last answered with, so a server that dies keeps its name. */
  private final Map<String, String> knownNames = new java.util.concurrent.ConcurrentHashMap<>();

  /** Servers are labelled by host:port until their /varz gives their own name. */
  public NatsSource(String target, List<URI> servers, Duration timeout, Executor executor) {
    this(target, labelled(servers), timeout, executor);
  }

  /**
   * @param servers monitoring URL per label; the label names a server whose /varz does not
   *     answer with its {@code server_name}
   */
  public NatsSource(String target, Map<String, URI> servers, Duration timeout, Executor executor) {
    this.target = Objects.requireNonNull(target, "target");
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("target " + target + ": no NATS servers configured");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("target " + target + ": timeout must be positive: " + timeout);
    }
    this.servers = new LinkedHashMap<>(servers);
    this.timeout = timeout;
    this.http = new HttpReads(Objects.requireNonNull(executor, "executor"), timeout);
  }

  private static Map<String, URI> labelled(List<URI> servers) {
    Map<String, URI> byLabel = new LinkedHashMap<>();
    for (URI uri : servers) {
      byLabel.put(uri.getAuthority() == null ? uri.toString() : uri.getAuthority(), uri);
    }
    return byLabel;
  }

  public NatsSnapshot scrape(long nowMillis) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Map<Endpoint, CompletableFuture<Reply>>> pending = new LinkedHashMap<>();
    List<CompletableFuture<Reply>> all = new ArrayList<>();
    servers.forEach((label, uri) -> {
      Map<Endpoint, CompletableFuture<Reply>> calls = new EnumMap<>(Endpoint.class);
      for (Endpoint e : Endpoint.values()) {
        calls.put(e, http.get(uri, e, deadline));
      }
      all.addAll(calls.values());
      pending.put(label, calls);
    });
    await(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), deadline);
    return assemble(nowMillis, pending);
  }

  private static void await(CompletableFuture<?> all, long deadlineNanos) {
    long wait = deadlineNanos - System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    try {
      all.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | ExecutionException e) {
      // Calls still open count as timed out when the snapshot is assembled.
    }
  }

  private NatsSnapshot assemble(long nowMillis,
      Map<String, Map<Endpoint, CompletableFuture<Reply>>> pending) {
    List<NatsServer> list = new ArrayList<>();
    List<StanChannel> channels = new ArrayList<>();
    List<SourceError> errors = new ArrayList<>();
    Map<String, JszParser.Jsz> views = new LinkedHashMap<>();
    pending.forEach((label, calls) -> {
      ServerAssembler.Result r = ServerAssembler.assemble(knownNames.getOrDefault(label, label),
          servers.get(label), done(calls));
      knownNames.put(label, r.server().name());
      list.add(r.server());
      channels.addAll(r.channels());
      errors.addAll(r.errors());
      if (r.jsz() != null) {
        views.put(r.server().name(), r.jsz());
      }
    });
    return new NatsSnapshot(target, nowMillis, list, streams(views, errors), channels, errors);
  }

  private static Map<Endpoint, Reply> done(Map<Endpoint, CompletableFuture<Reply>> calls) {
    Map<Endpoint, Reply> replies = new EnumMap<>(Endpoint.class);
    calls.forEach((e, f) -> replies.put(e, f.getNow(Reply.failed(Reply.Failure.TIMEOUT))));
    return replies;
  }

  private static List<dev.lookout.model.nats.NatsStream> streams(Map<String, JszParser.Jsz> views,
      List<SourceError> errors) {
    try {
      return StreamAssembler.streams(views);
    } catch (RuntimeException e) {
      errors.add(new SourceError("assemble streams", SourceError.Reason.INTERNAL, String.valueOf(e)));
      return List.of();
    }
  }

  @Override
  public void close() {
    // The HTTP client of JDK 17 holds no resources beyond the injected executor's threads.
  }
}
