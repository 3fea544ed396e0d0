package dev.lookout.alerts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one evaluation of one rule: what happened to every alert the rule held or found,
 * and the label sets that were matched more than once.
 *
 * @param outcomes one per alert, in the rule's order (held alerts first, then new ones); includes
 *     the alerts dropped by this evaluation
 * @param duplicates label sets (with {@code alertname}) that appeared again after their first
 *     candidate; only the first was used. Prometheus fails the whole evaluation here ("vector
 *     contains metrics with the same labelset after applying alert labels"); we keep going and
 *     let the caller log and count them.
 */
public record Evaluation(List<Outcome> outcomes, List<Map<String, String>> duplicates) {
  public Evaluation {
    outcomes = List.copyOf(outcomes);
    duplicates = List.copyOf(duplicates);
  }

  /** What one evaluation did to one alert; {@code alert} is the state after it. */
  public record Outcome(Alert alert, Transition transition) {
    public Outcome {
      Objects.requireNonNull(alert, "alert");
      Objects.requireNonNull(transition, "transition");
    }
  }

  /** The alerts the rule holds after this evaluation: pending, firing and retained resolved. */
  public List<Alert> alerts() {
    return outcomes.stream().filter(o -> o.transition().kept()).map(Outcome::alert).toList();
  }

  public long count(Transition transition) {
    return outcomes.stream().filter(o -> o.transition() == transition).count();
  }
}
