package dev.lookout.output.jmx;

import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers the agent's MXBeans (`dev.lookout:type=Health`, `dev.lookout:type=Alerts`) in the
 * platform MBean server and removes them on close. Values are read fresh on every JMX request.
 */
public final class JmxExporter implements AutoCloseable {
  public static final String HEALTH = "dev.lookout:type=Health";
  public static final String ALERTS = "dev.lookout:type=Alerts";

  /** What the beans show; supplied by the agent. */
  public record Views(BooleanSupplier ready, BooleanSupplier healthy, Supplier<List<String>> failingChecks,
      Supplier<Map<String, String>> targetLastSuccess, Supplier<List<Alert>> alerts) {}

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final List<ObjectName> registered = new ArrayList<>();

  public JmxExporter(Views views) throws JMException {
    register(HEALTH, new HealthMXBean() {
      @Override public boolean isReady() { return views.ready().getAsBoolean(); }
      @Override public boolean isHealthy() { return views.healthy().getAsBoolean(); }
      @Override public boolean isClusterHealthy() { return views.failingChecks().get().isEmpty(); }
      @Override public String[] getFailingChecks() { return views.failingChecks().get().toArray(String[]::new); }
      @Override public Map<String, String> getTargetLastSuccess() { return views.targetLastSuccess().get(); }
    });
    register(ALERTS, new AlertsMXBean() {
      @Override public int getFiringCount() { return count(views.alerts().get(), AlertState.FIRING); }
      @Override public int getPendingCount() { return count(views.alerts().get(), AlertState.PENDING); }
      @Override public List<AlertInfo> getActiveAlerts() { return active(views.alerts().get()); }
    });
  }

  private void register(String name, Object bean) throws JMException {
    ObjectName objectName = new ObjectName(name);
    if (server.isRegistered(objectName)) {
      server.unregisterMBean(objectName); // a previous agent in this JVM (tests, restarts)
    }
    server.registerMBean(bean, objectName);
    registered.add(objectName);
  }

  private static int count(List<Alert> alerts, AlertState state) {
    return (int) alerts.stream().filter(a -> a.state() == state).count();
  }

  private static List<AlertInfo> active(List<Alert> alerts) {
    return alerts.stream().filter(a -> a.state() != AlertState.RESOLVED)
        .sorted(Comparator.comparing((Alert a) -> a.state() != AlertState.FIRING))
        .map(AlertInfo::of).toList();
  }

  @Override
  public void close() {
    for (ObjectName name : registered) {
      try {
        server.unregisterMBean(name);
      } catch (JMException ignored) {
        // Already gone: nothing left to release.
      }
    }
    registered.clear();
  }
}
