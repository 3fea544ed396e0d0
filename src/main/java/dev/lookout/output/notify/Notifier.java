package dev.lookout.output.notify;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import dev.lookout.config.Receiver;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * Delivers alerts to Alertmanagers ({@code POST /api/v2/alerts}) and webhooks (Alertmanager's
 * webhook message, version "4"). {@link #send} only queues: every receiver has its own bounded
 * queue and its own sender thread, so one that is down or slow holds up neither the caller nor
 * the other receivers. Which alerts to send, and their {@code validUntil}, is the caller's
 * decision; pending alerts are never sent.
 */
public final class Notifier implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Notifier.class.getName());
  private static final String ALERTMANAGER_PATH = "/api/v2/alerts";
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final List<Delivery> deliveries = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Io io;
  private volatile boolean closed;

  public Notifier(List<Receiver> alertmanagers, List<Receiver> webhooks, String externalUrl,
      MeterRegistry registry) {
    this(alertmanagers, webhooks, externalUrl, registry, InstantSource.system());
  }

  /** With the clock that times requests and limits retries. */
  public Notifier(List<Receiver> alertmanagers, List<Receiver> webhooks, String externalUrl,
      MeterRegistry registry, InstantSource clock) {
    this(alertmanagers, webhooks, externalUrl, registry, Settings.DEFAULT,
        new Io(JdkTransport.create(daemons("lookout-notify-http"), tls(alertmanagers, webhooks)),
            clock,
            d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000),
            () -> ThreadLocalRandom.current().nextDouble()),
        daemons("lookout-notify"));
  }

  Notifier(List<Receiver> alertmanagers, List<Receiver> webhooks, String externalUrl,
      MeterRegistry registry, Settings settings, Io io, ThreadFactory threadFactory) {
    Objects.requireNonNull(registry, "registry");
    requireUniqueNames(alertmanagers, webhooks);
    this.io = io;
    String base = stripSlash(Objects.requireNonNull(externalUrl, "externalUrl"));
    String generatorUrl = base + "/api/v1/alerts";
    Function<List<Alert>, String> toAlertmanager =
        batch -> AlertmanagerPayload.encode(batch, generatorUrl);
    Function<List<Alert>, String> toWebhook =
        batch -> WebhookPayload.encode(batch, base, generatorUrl);
    for (Receiver am : alertmanagers) {
      deliveries.add(new Delivery(am, alertmanagerEndpoint(am.url()), toAlertmanager, settings, io,
          registry));
    }
    for (Receiver hook : webhooks) {
      deliveries.add(new Delivery(hook, hook.url(), toWebhook, settings, io, registry));
    }
    for (Delivery delivery : deliveries) {
      Thread thread = threadFactory.newThread(delivery);
      threads.add(thread);
      thread.start();
    }
  }

  /** The TLS context of each receiver endpoint that has its own CA or client certificate. */
  private static Map<URI, SSLContext> tls(List<Receiver> alertmanagers, List<Receiver> webhooks) {
    Map<URI, SSLContext> contexts = new HashMap<>();
    for (Receiver am : alertmanagers) {
      am.tls().ifPresent(t -> contexts.put(alertmanagerEndpoint(am.url()), t.load().sslContext()));
    }
    for (Receiver hook : webhooks) {
      hook.tls().ifPresent(t -> contexts.put(hook.url(), t.load().sslContext()));
    }
    return contexts;
  }

  /** Queues the firing and resolved alerts for every receiver and returns at once. */
  public void send(List<Alert> alerts) {
    List<Alert> sendable = alerts.stream().filter(a -> a.state() != AlertState.PENDING).toList();
    if (sendable.isEmpty() || closed) {
      return;
    }
    for (Delivery delivery : deliveries) {
      delivery.enqueue(sendable);
    }
  }

  /**
   * Stops in order: no more alerts taken in, the senders interrupted (out of any backoff or
   * request) and awaited, then the HTTP client's threads. Alerts not yet delivered count as
   * dropped.
   */
  @Override
  public void close() {
    closed = true;
    deliveries.forEach(Delivery::closeQueue);
    threads.forEach(Thread::interrupt);
    try {
      for (Thread thread : threads) {
        thread.join(STOP_WAIT.toMillis());
        if (thread.isAlive()) {
          LOG.warning(() -> thread.getName() + " did not stop within " + STOP_WAIT);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (io.transport() instanceof AutoCloseable resource) {
      closeQuietly(resource);
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.warning(() -> "closing the HTTP client failed: " + e);
    }
  }

  /** The push endpoint below the configured base URL, which may have a path prefix. */
  static URI alertmanagerEndpoint(URI base) {
    String query = base.getRawQuery() == null ? "" : "?" + base.getRawQuery();
    String path = base.getRawPath() == null ? "" : stripSlash(base.getRawPath());
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + ALERTMANAGER_PATH
        + query);
  }

  private static String stripSlash(String text) {
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  // Receivers are told apart by URL in metrics and logs, so the same one twice would be ambiguous.
  private static void requireUniqueNames(List<Receiver> alertmanagers, List<Receiver> webhooks) {
    Set<String> seen = new HashSet<>();
    for (Receiver receiver : concat(alertmanagers, webhooks)) {
      if (!seen.add(receiver.redactedUrl())) {
        throw new IllegalArgumentException("receiver " + receiver.redactedUrl()
            + " is configured twice");
      }
    }
  }

  private static List<Receiver> concat(List<Receiver> a, List<Receiver> b) {
    List<Receiver> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
