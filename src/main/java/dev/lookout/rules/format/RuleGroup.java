package dev.lookout.rules.format;

import java.util.List;
import java.util.Objects;

/** A named list of rules; alert names are unique within a group. */
public record RuleGroup(String name, Position at, List<RuleSpec> rules) {
  public RuleGroup {
    Objects.requireNonNull(name, "name");
    rules = List.copyOf(rules);
  }
}
