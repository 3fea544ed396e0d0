package dev.lookout.rules;

import java.util.List;

/**
 * The result of one rule over one snapshot. {@code unknown} counts entities the expression could
 * not decide (an absent value): they do not fire. {@code errors} counts evaluation errors on
 * present values (overflow, division by zero), which usually mean the rule is wrong.
 */
public record Evaluation(String alert, List<Match> matches, int rows, int unknown, int errors) {
  public Evaluation {
    matches = List.copyOf(matches);
  }
}
