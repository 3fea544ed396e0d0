package dev.lookout.app;

import dev.lookout.alerts.AlertStore;
import dev.lookout.config.Config;
import dev.lookout.model.JmxSnapshot;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.TargetSnapshot;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.output.http.HealthCheck;
import dev.lookout.output.http.HttpServer;
import dev.lookout.output.http.TargetStatus;
import dev.lookout.output.metrics.AlertGauges;
import dev.lookout.output.metrics.RuleMetrics;
import dev.lookout.output.metrics.StateMetrics;
import dev.lookout.output.jmx.JmxExporter;
import dev.lookout.output.notify.Notifier;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running agent: one scheduled tick per target, the HTTP server, and the metric registry.
 * Built without I/O; {@link #start()} starts in order and {@link #close()} stops in reverse.
 */
public final class Agent implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Agent.class.getName());

  private final Config config;
  private final InstantSource clock;
  private final Registry registry;
  private JmxExporter jmx;
  private final ExecutorService io;
  private final ScheduledExecutorService ticks;
  private final ExecutorService evaluations;
  private final Runners runners;
  private final HttpServer http;
  private final AlertPipeline alerts;
  private final Notifier notifier;
  private final long startedMillis;
  /** Completed by {@link #start()}: true once rules and saved alerts are loaded, false if they failed. */
  private final CompletableFuture<Boolean> rulesLoaded = new CompletableFuture<>();
  /** Counts down when the rules have been evaluated over every target's first read. */
  private final CountDownLatch firstEvaluation = new CountDownLatch(1);
  private final Set<TargetRunner<?>> ticked = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean evaluationQueued = new AtomicBoolean();
  private int port;

  public Agent(Config config, InstantSource clock) {
    this(config, clock, Runners.NETWORK);
  }

  /** With the targets read by {@code readers}: in-process fakes in tests. */
  Agent(Config config, InstantSource clock, Runners.Readers readers) {
    this.config = config;
    this.clock = clock;
    this.registry = Registry.create(config.cluster());
    this.io = Threads.pool("lookout-io");
    this.ticks = Threads.scheduler("lookout-tick", Math.max(1, config.targets().size()));
    this.evaluations = Threads.single("lookout-rules");
    this.runners = Runners.build(config, registry.all(), registry.page(), io, clock, readers);
    this.notifier = new Notifier(config.alerting().alertmanagers(), config.alerting().webhooks(),
        externalUrl(config), registry.all(), clock);
    this.alerts = new AlertPipeline(new RuleLoader(config.ruleFiles(), config.runbookBaseUrl()),
        new AlertStore(config.stateDir()), new RuleMetrics(registry.all()), new StateMetrics(registry.all()),
        new AlertGauges(registry.all()), clock, delivery(config, notifier));
    this.http = new HttpServer(config.listen().host(), config.listen().port(), views(), clock,
        ServerSecurity.of(config.web()));
    this.startedMillis = clock.millis();
  }

  /**
   * Firing alerts are re-sent every resend interval and stay valid for four evaluation or resend
   * intervals, whichever is longer, as Prometheus does: a missed send does not resolve them.
   */
  private static AlertPipeline.Delivery delivery(Config config, Notifier notifier) {
    Duration resend = config.alerting().resendInterval();
    Duration interval = config.scrape().interval();
    Duration validFor = (resend.compareTo(interval) > 0 ? resend : interval).multipliedBy(4);
    return new AlertPipeline.Delivery(notifier::send, resend, validFor);
  }

  /** Where receivers link back to (generatorURL): the listen address, a wildcard host named. */
  private static String externalUrl(Config config) {
    String host = config.listen().host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e) {
        host = "localhost";
      }
    }
    String scheme = config.web().tls().isPresent() ? "https://" : "http://";
    return scheme + host + ":" + config.listen().port();
  }

  private HttpServer.Views views() {
    return new HttpServer.Views(this::healthy, this::ready, this::checks, this::snapshots,
        this::targets, registry::writeTo, alerts::alerts, alerts::rules, alerts::reload,
        new Runbooks(config.ruleFiles())::read);
  }

  /**
   * Starts the ticks, the HTTP server and the rule compilation at once, so the first tick's reads
   * overlap the start-up work; the rules are evaluated on their own thread after reads. Returns the bound HTTP port. Rule files that do not load throw
   * IllegalArgumentException naming every problem.
   */
  public int start() {
    long interval = config.scrape().interval().toMillis();
    for (TargetRunner<?> runner : runners.all()) {
      ticks.scheduleAtFixedRate(() -> safeTick(runner), 0, interval, TimeUnit.MILLISECONDS);
    }
    CompletableFuture<Integer> server =
        CompletableFuture.supplyAsync(http::start, Threads.oneOff("lookout-http-start"));
    try {
      alerts.start();
      rulesLoaded.complete(true);
    } catch (RuntimeException e) {
      rulesLoaded.complete(false);
      throw e;
    }
    port = joinUnwrapped(server);
    jmx = JmxViews.export(this::ready, this::healthy, this::checks, this::targets, alerts::alerts);
    return port;
  }

  private static <T> T joinUnwrapped(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** A periodic task that throws is silently never run again: catch everything here. */
  private void safeTick(TargetRunner<?> runner) {
    try {
      runner.tick();
    } catch (Throwable t) {
      LOG.log(Level.SEVERE, "tick of target " + runner.name() + " failed", t);
    } finally {
      requestEvaluation(runner);
    }
  }

  /**
   * Rules run on their own thread over every target's newest read, as Prometheus evaluates apart
   * from scraping: a target's tick never waits for the rules. Each finished tick asks for an
   * evaluation; asks made while one is queued share it. The first waits for every target's first
   * read, or restored alerts of a target not yet read would resolve.
   */
  private void requestEvaluation(TargetRunner<?> runner) {
    ticked.add(runner);
    if (ticked.size() < runners.all().size() || !evaluationQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      evaluations.execute(() -> {
        evaluationQueued.set(false);
        safeEvaluate();
      });
    } catch (RejectedExecutionException closing) {
      // the agent is stopping
    }
  }

  private void safeEvaluate() {
    try {
      if (rulesLoaded.join()) {
        alerts.evaluate(targetViews());
        firstEvaluation.countDown();
      }
    } catch (Throwable t) {
      LOG.log(Level.SEVERE, "rule evaluation failed", t);
    }
  }

  /** Waits until every target has been read once and the rules evaluated; false on timeout. */
  public boolean awaitFirstEvaluation(Duration limit) throws InterruptedException {
    return firstEvaluation.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What `lookout run --once` prints: health checks, alerts, and the series on /metrics. */
  public OnceReport report() {
    String page = new String(registry.scrape(), java.nio.charset.StandardCharsets.UTF_8);
    return new OnceReport(checks(), alerts.alerts(), page.lines()
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).count());
  }

  private List<Alerting.TargetView> targetViews() {
    List<Alerting.TargetView> views = new ArrayList<>();
    for (TargetRunner<RestateSnapshot> r : runners.restate()) {
      if (r.latest() != null) {
        views.add(new Alerting.RestateView(r.name(), r.latest()));
      }
    }
    for (TargetRunner<NatsSnapshot> r : runners.nats()) {
      if (r.latest() != null) {
        views.add(new Alerting.NatsView(r.name(), r.latest()));
      }
    }
    for (TargetRunner<JmxSnapshot> r : runners.jmx()) {
      if (r.latest() != null) {
        views.add(new Alerting.SamplesView(r.name(), r.latest().readOk(), r.latest().samples()));
      }
    }
    return views;
  }

  /** Reloads the rule files (SIGHUP, POST /-/reload); "" on success, else every problem. */
  public String reload() {
    return alerts.reload();
  }

  /** The loop is alive: every target ticked recently (or the agent just started). */
  boolean healthy() {
    long now = clock.millis();
    long limit = 3 * config.scrape().interval().toMillis() + config.scrape().timeout().toMillis();
    for (TargetRunner<?> r : runners.all()) {
      long last = Math.max(r.lastTickMillis(), startedMillis);
      if (now - last > limit) {
        return false;
      }
    }
    return true;
  }

  /** Config loaded and every target scraped at least once. */
  boolean ready() {
    return runners.all().stream().allMatch(r -> r.latest() != null);
  }

  List<HealthCheck> checks() {
    List<HealthCheck> checks = new ArrayList<>();
    for (TargetRunner<RestateSnapshot> r : runners.restate()) {
      RestateSnapshot s = r.latest();
      checks.addAll(s == null ? notYet(r) : ClusterHealth.checks(s));
    }
    for (TargetRunner<NatsSnapshot> r : runners.nats()) {
      NatsSnapshot s = r.latest();
      checks.addAll(s == null ? notYet(r) : NatsHealth.checks(s));
    }
    checks.add(alerts.criticalCheck());
    return checks;
  }

  private static List<HealthCheck> notYet(TargetRunner<?> r) {
    return List.of(new HealthCheck(r.name() + ":cluster-state", false, "not scraped yet"));
  }

  List<TargetSnapshot> snapshots() {
    List<TargetSnapshot> list = new ArrayList<>();
    for (TargetRunner<?> r : runners.all()) {
      if (r.snapshot() != null) {
        list.add(r.snapshot());
      }
    }
    return list;
  }

  List<TargetStatus> targets() {
    return runners.all().stream().map(TargetRunner::status).toList();
  }

  public int port() {
    return port;
  }

  /** Scrapes every target once, outside the schedule, without rules (for `lookout snapshot`). */
  public List<TargetSnapshot> scrapeOnce() {
    List<TargetSnapshot> snapshots = new ArrayList<>();
    for (TargetRunner<?> r : runners.all()) {
      r.tick();
      snapshots.add(r.latest());
    }
    return snapshots;
  }

  @Override
  public void close() {
    Threads.stop(ticks);
    Threads.stop(evaluations);
    notifier.close();
    if (jmx != null) {
      jmx.close();
    }
    http.close();
    runners.all().forEach(TargetRunner::close);
    Threads.stop(io);
    registry.close();
  }
}
