package dev.lookout.output.http;

import java.util.List;

/**
 * How the agent's reads of one target went, for `/api/v1/targets`, the status page and JMX.
 * {@code lastSuccess} is when a read last saw the system; null if none has yet.
 */
public record TargetStatus(String name, String type, boolean up, String lastScrape,
    double lastDurationSeconds, List<String> lastErrors, String lastSuccess) {
  public TargetStatus {
    lastErrors = List.copyOf(lastErrors);
  }
}
