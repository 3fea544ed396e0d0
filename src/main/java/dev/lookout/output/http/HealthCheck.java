package dev.lookout.output.http;

import java.util.List;

/** One named health check and, when it fails, why. */
public record HealthCheck(String name, boolean ok, String detail) {
  public static HealthCheck pass(String name) {
    return new HealthCheck(name, true, "");
  }

  /** Passes when there are no problems; otherwise fails listing them. */
  public static HealthCheck of(String name, List<String> problems) {
    return problems.isEmpty() ? pass(name) : new HealthCheck(name, false, String.join("; ", problems));
  }
}
