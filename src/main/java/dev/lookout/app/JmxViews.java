package dev.lookout.app;

import dev.lookout.alerts.Alert;
import dev.lookout.output.http.HealthCheck;
import dev.lookout.output.http.TargetStatus;
import dev.lookout.output.jmx.JmxExporter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.management.JMException;

/** Exposes the agent's health and alerts as MXBeans; a JVM without JMX only loses the beans. */
final class JmxViews {
  private static final Logger LOG = Logger.getLogger(JmxViews.class.getName());

  private JmxViews() {}

  static JmxExporter export(BooleanSupplier ready, BooleanSupplier healthy,
      Supplier<List<HealthCheck>> checks, Supplier<List<TargetStatus>> targets,
      Supplier<List<Alert>> alerts) {
    try {
      return new JmxExporter(new JmxExporter.Views(ready, healthy,
          () -> checks.get().stream().filter(c -> !c.ok()).map(c -> c.name() + ": " + c.detail()).toList(),
          () -> lastSuccess(targets.get()), alerts));
    } catch (JMException e) {
      LOG.warning("JMX beans not registered: " + e.getMessage());
      return null;
    }
  }

  private static Map<String, String> lastSuccess(List<TargetStatus> targets) {
    Map<String, String> last = new LinkedHashMap<>();
    for (TargetStatus t : targets) {
      last.put(t.name(), t.lastSuccess() == null ? "" : t.lastSuccess());
    }
    return last;
  }
}
