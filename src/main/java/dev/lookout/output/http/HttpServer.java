package dev.lookout.output.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.alerts.Alert;
import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.TargetSnapshot;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.InstantSource;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The agent's HTTP face: the status page (`/`), Prometheus metrics, probes for the agent itself
 * (`/-/healthy`, `/-/ready`), the cluster verdict (`/health`) and the JSON API.
 */
public final class HttpServer implements AutoCloseable {
  private static final ObjectMapper MAPPER = SnapshotJson.MAPPER;
  /** Room for Jetty's acceptors and selectors (at most 8) and a few requests per core. */
  private static final int MAX_THREADS = 8 + 2 * Runtime.getRuntime().availableProcessors();

  /** What the server shows, read fresh on every request. */
  public record Views(BooleanSupplier healthy, BooleanSupplier ready,
      Supplier<List<HealthCheck>> checks, Supplier<List<TargetSnapshot>> snapshots,
      Supplier<List<TargetStatus>> targets, PageWriter metrics,
      Supplier<List<Alert>> alerts, Supplier<List<RuleView>> rules, Reload reload,
      Function<String, String> runbook) {}

  /** Writes a page to the response as it is produced (/metrics of a large cluster is tens of MB). */
  public interface PageWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Reloads the rule files; returns "" when they loaded, else every problem found. */
  public interface Reload {
    String reload();
  }

  private final Javalin app;

  /** {@code clock} dates the status page; the server reads no other time. */
  public HttpServer(String host, int port, Views views, InstantSource clock) {
    this(host, port, views, clock, WebSecurity.OPEN);
  }

  /** Guarded by {@code security}: see {@link Access} for who may do what. */
  public HttpServer(String host, int port, Views views, InstantSource clock,
      WebSecurity security) {
    Access access = new Access(security);
    // The pages a scrape burst or many open browsers ask for at once are rendered once per burst.
    SharedRender<String> statusPage = new SharedRender<>(() -> StatusPage.render(views.checks().get(),
        restate(views.snapshots().get()), views.alerts().get(), views.targets().get(),
        clock.instant()));
    SharedRender<String> alerts = new SharedRender<>(() -> SnapshotJson.write(AlertsJson.of(views.alerts().get())));
    this.app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.jetty.threadPool = workers();
      Listener.configure(cfg, host, port, security);
      cfg.routes.before(access::guard);
      cfg.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8")
          .header("Cache-Control", "no-store").result(statusPage.get()));
      cfg.routes.get("/metrics", ctx -> metrics(ctx, views.metrics()));
      cfg.routes.get("/-/healthy", ctx -> probe(ctx, views.healthy().getAsBoolean(), "Lookout is healthy."));
      cfg.routes.get("/-/ready", ctx -> probe(ctx, views.ready().getAsBoolean(), "Lookout is ready."));
      cfg.routes.get("/health", ctx -> health(ctx, views.checks().get()));
      cfg.routes.get("/api/v1/snapshot", ctx -> json(ctx, snapshots(views.snapshots().get())));
      cfg.routes.get("/api/v1/targets", ctx -> json(ctx, MAPPER.valueToTree(views.targets().get())));
      cfg.routes.get("/api/v1/alerts", ctx -> ctx.contentType("application/json").result(alerts.get()));
      cfg.routes.get("/api/v1/rules", ctx -> json(ctx, RulesJson.of(views.rules().get())));
      cfg.routes.post("/-/reload", ctx -> reload(ctx, views.reload()));
      cfg.routes.get("/runbooks/{name}", ctx -> runbook(ctx, views.runbook().apply(ctx.pathParam("name"))));
    });
  }

  /**
   * Few request threads: requests beyond them wait for a free one instead of each taking a share
   * of the CPU, which a flood of them would otherwise take from the ticks.
   */
  private static QueuedThreadPool workers() {
    QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
    pool.setName("lookout-http");
    pool.setDaemon(true);
    return pool;
  }

  /** Starts listening; returns the bound port (useful when 0 was asked for). */
  public int start() {
    app.start();
    return app.port();
  }

  /** Streamed: a large cluster's page is written as it is produced, never held whole. */
  private static void metrics(Context ctx, PageWriter page) throws IOException {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
    OutputStream out = ctx.outputStream();
    page.writeTo(out);
    out.flush();
  }

  private static void probe(Context ctx, boolean ok, String text) {
    ctx.status(ok ? 200 : 503).contentType("text/plain; charset=utf-8")
        .result(ok ? text + "\n" : text.replace(" is ", " is not ") + "\n");
  }

  /** 200 when every check passes, else 503; `?verbose` prints one [+]/[-] line per check. */
  private static void health(Context ctx, List<HealthCheck> checks) {
    boolean ok = checks.stream().allMatch(HealthCheck::ok);
    ctx.status(ok ? 200 : 503);
    if (ctx.queryParam("verbose") != null) {
      StringBuilder text = new StringBuilder();
      for (HealthCheck c : checks) {
        text.append(c.ok() ? "[+]" : "[-]").append(c.name())
            .append(c.ok() ? " ok" : " failed: " + c.detail()).append('\n');
      }
      text.append(ok ? "health check passed\n" : "health check failed\n");
      ctx.contentType("text/plain; charset=utf-8").result(text.toString());
      return;
    }
    ObjectNode body = MAPPER.createObjectNode();
    body.put("status", ok ? "ok" : "failing");
    body.set("checks", MAPPER.valueToTree(checks));
    ctx.contentType("application/json").result(SnapshotJson.write(body));
  }

  /** 200 when the rules loaded; 500 with every problem when they did not (the old rules stay). */
  private static void reload(Context ctx, Reload reload) {
    ctx.bodyAsBytes(); // takes no body, but reading it enforces the request size limit (413)
    String problems = reload.reload();
    ctx.contentType("text/plain; charset=utf-8");
    if (problems.isEmpty()) {
      ctx.result("rules reloaded\n");
    } else {
      ctx.status(500).result("failed to reload rules; the previous rules stay in use:\n" + problems + "\n");
    }
  }

  /** The runbook's Markdown as plain text; 404 for a name no rule directory holds. */
  private static void runbook(Context ctx, String text) {
    if (text == null) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("no such runbook\n");
      return;
    }
    ctx.contentType("text/markdown; charset=utf-8").result(text);
  }

  private static List<RestateSnapshot> restate(List<TargetSnapshot> snapshots) {
    return snapshots.stream().filter(RestateSnapshot.class::isInstance).map(RestateSnapshot.class::cast).toList();
  }

  private static ArrayNode snapshots(List<TargetSnapshot> snapshots) {
    ArrayNode array = MAPPER.createArrayNode();
    snapshots.forEach(s -> array.add(SnapshotJson.of(s)));
    return array;
  }

  private static void json(Context ctx, Object tree) {
    ctx.contentType("application/json").result(SnapshotJson.write(tree));
  }

  @Override
  public void close() {
    app.stop();
  }
}
