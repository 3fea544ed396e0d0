package dev.lookout.app;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import dev.lookout.alerts.AlertStore;
import dev.lookout.output.http.HealthCheck;
import dev.lookout.output.http.RuleView;
import dev.lookout.output.metrics.AlertGauges;
import dev.lookout.output.metrics.RuleMetrics;
import dev.lookout.output.metrics.StateMetrics;
import dev.lookout.rules.CompiledRule;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.logging.Logger;

/**
 * Rules to alerts: loads and reloads the rule files (keeping the last good ones), evaluates them
 * after every tick, keeps alert state on disk across restarts, and publishes alerts as metrics.
 */
final class AlertPipeline {
  private static final Logger LOG = Logger.getLogger(AlertPipeline.class.getName());

  private final RuleLoader loader;
  private final AlertStore store;
  private final RuleMetrics ruleMetrics;
  private final StateMetrics stateMetrics;
  private final AlertGauges gauges;
  private final InstantSource clock;
  private final Delivery delivery;
  private Alerting alerting;
  private String lastSaveError = "";

  /** Where due alerts go (Alertmanagers, webhooks), and how often firing ones are re-sent. */
  record Delivery(java.util.function.Consumer<List<Alert>> sink, java.time.Duration resendInterval,
      java.time.Duration validFor) {
    static final Delivery NONE = new Delivery(alerts -> { }, java.time.Duration.ofMinutes(1),
        java.time.Duration.ofMinutes(4));
  }

  AlertPipeline(RuleLoader loader, AlertStore store, RuleMetrics ruleMetrics, StateMetrics stateMetrics,
      AlertGauges gauges, InstantSource clock) {
    this(loader, store, ruleMetrics, stateMetrics, gauges, clock, Delivery.NONE);
  }

  AlertPipeline(RuleLoader loader, AlertStore store, RuleMetrics ruleMetrics, StateMetrics stateMetrics,
      AlertGauges gauges, InstantSource clock, Delivery delivery) {
    this.stateMetrics = stateMetrics;
    this.delivery = delivery;
    this.loader = loader;
    this.store = store;
    this.ruleMetrics = ruleMetrics;
    this.gauges = gauges;
    this.clock = clock;
  }

  /** Loads the rules and the saved alerts; broken rule files at start-up are a configuration error. */
  void start() {
    RuleLoader.Result result = loader.load();
    if (!result.ok()) {
      throw new IllegalArgumentException("rule files do not load:\n" + result.problems());
    }
    alerting = new Alerting(result.rules());
    ruleMetrics.reloaded(true, clock.millis(), result.rules().rules().size());
    try {
      alerting.restore(store.load());
    } catch (IOException e) {
      LOG.warning("alert state not restored, starting without it: " + e.getMessage());
    }
  }

  /** Returns "" when the rules loaded, else every problem; on failure the old rules stay. */
  synchronized String reload() {
    RuleLoader.Result result = loader.load();
    ruleMetrics.reloaded(result.ok(), clock.millis(), result.ok() ? result.rules().rules().size() : 0);
    if (!result.ok()) {
      LOG.severe("rule reload failed; the previous rules stay in use:\n" + result.problems());
      return result.problems();
    }
    alerting.replace(result.rules());
    LOG.info("rules reloaded: " + result.rules().rules().size() + " rules");
    return "";
  }

  synchronized void evaluate(List<Alerting.TargetView> targets) {
    if (loader.changedOnDisk()) {
      reload();
    }
    alerting.evaluate(targets, clock.instant());
    for (Alerting.RuleStatus s : alerting.statuses()) {
      ruleMetrics.evaluated(s.rule().alert(), s.seconds(), s.errors());
    }
    gauges.update(alerting.alerts());
    List<Alert> due = alerting.dueForSending(clock.instant(), delivery.resendInterval(), delivery.validFor());
    if (!due.isEmpty()) {
      delivery.sink().accept(due);
    }
    save();
  }

  /** A full or read-only disk must not stop alerting: warn once per distinct failure, go on. */
  private void save() {
    try {
      store.save(alerting.byRule());
      stateMetrics.saved(clock.millis());
      if (!lastSaveError.isEmpty()) {
        LOG.info("alert state saved again to " + store.file());
      }
      lastSaveError = "";
    } catch (ClosedByInterruptException e) {
      Thread.currentThread().interrupt(); // shutting down: the previous file stays whole
    } catch (IOException e) {
      stateMetrics.failed();
      String problem = e.toString();
      if (!problem.equals(lastSaveError)) {
        LOG.warning("alert state not saved to " + store.file() + " (alerting goes on from memory): " + problem);
      }
      lastSaveError = problem;
    }
  }

  List<Alert> alerts() {
    return alerting == null ? List.of() : alerting.alerts();
  }

  List<RuleView> rules() {
    List<RuleView> views = new ArrayList<>();
    if (alerting == null) {
      return views;
    }
    for (Alerting.RuleStatus s : alerting.statuses()) {
      CompiledRule r = s.rule();
      Map<String, String> annotations = new LinkedHashMap<>();
      r.spec().annotations().forEach((k, t) -> annotations.put(k, t.source()));
      views.add(new RuleView(r.group(), r.spec().at().file(), r.alert(), r.spec().expr().text(),
          r.spec().forDuration().toSeconds(), r.spec().keepFiringFor().toSeconds(), r.spec().labels(),
          annotations, s.alerts(), s.lastEvaluation().toString(), s.seconds(), s.errors()));
    }
    return views;
  }

  /** Fails while a critical alert fires, naming the alerts. */
  HealthCheck criticalCheck() {
    List<String> firing = new ArrayList<>();
    for (Alert a : alerts()) {
      if (a.state() == AlertState.FIRING && "critical".equals(a.labels().get("severity"))) {
        firing.add(a.alertname() + a.labels());
      }
    }
    return HealthCheck.of("alerts:no-critical-firing", firing);
  }
}
