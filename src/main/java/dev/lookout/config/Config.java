package dev.lookout.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The agent's configuration, mirroring {@code lookout.yaml} key for key. Paths are already
 * resolved against the directory of the file they came from.
 */
public record Config(String cluster, Listen listen, Scrape scrape, Path stateDir,
    String runbookBaseUrl, List<Target> targets, List<Path> ruleFiles, Alerting alerting, Web web) {
  public Config {
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(scrape, "scrape");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(runbookBaseUrl, "runbookBaseUrl");
    Objects.requireNonNull(alerting, "alerting");
    targets = List.copyOf(targets);
    ruleFiles = List.copyOf(ruleFiles);
    if (cluster.isEmpty()) {
      throw new IllegalArgumentException("cluster must not be empty");
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("at least one target is needed");
    }
    requireUniqueNames(targets);
  }

  /** Without a {@code web} section: plain HTTP, no users, admin endpoints for loopback only. */
  public Config(String cluster, Listen listen, Scrape scrape, Path stateDir, String runbookBaseUrl,
      List<Target> targets, List<Path> ruleFiles, Alerting alerting) {
    this(cluster, listen, scrape, stateDir, runbookBaseUrl, targets, ruleFiles, alerting,
        Web.DEFAULT);
  }

  private static void requireUniqueNames(List<Target> targets) {
    Set<String> seen = new HashSet<>();
    for (Target t : targets) {
      if (!seen.add(t.name())) {
        throw new IllegalArgumentException("duplicate target name " + t.name());
      }
    }
  }
}
