package dev.lookout.output.http;

import java.util.List;

/** How the agent's reads of one target went, for `/api/v1/targets` and the status page. */
public record TargetStatus(String name, String type, boolean up, String lastScrape,
    double lastDurationSeconds, List<String> lastErrors) {
  public TargetStatus {
    lastErrors = List.copyOf(lastErrors);
  }
}
