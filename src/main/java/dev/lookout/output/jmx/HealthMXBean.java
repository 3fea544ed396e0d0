package dev.lookout.output.jmx;

import java.util.Map;

/** The agent's health as JMX shows it, for JVM-side monitoring that does not speak HTTP. */
public interface HealthMXBean {
  /** Config and rules loaded, every target scraped at least once. */
  boolean isReady();

  /** The agent's own loop ticks; never depends on the cluster. */
  boolean isHealthy();

  /** The cluster verdict of `/health`: every check passes. */
  boolean isClusterHealthy();

  /** The failing checks as "name: detail". */
  String[] getFailingChecks();

  /** Per target, the last successful scrape (ISO-8601), or "" if none yet. */
  Map<String, String> getTargetLastSuccess();
}
