package dev.lookout.rules.format;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alerting rule as written, already checked for shape: every required key is there, names
 * are valid, durations parsed, templates split. Whether the expression type-checks is the
 * engine's business. {@code labels} includes {@code severity}; maps keep file order.
 */
public record RuleSpec(
    String alert,
    Position at,
    Scope each,
    Expression expr,
    Duration forDuration,
    Duration keepFiringFor,
    List<Param> params,
    Map<String, String> labels,
    Severity severity,
    Map<String, Template> annotations) {

  public RuleSpec {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(each, "each");
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(severity, "severity");
    params = List.copyOf(params);
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }
}
