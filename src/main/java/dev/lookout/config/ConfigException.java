package dev.lookout.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config file was rejected; carries every problem found, not only the first. */
public final class ConfigException extends Exception {
  private final List<Problem> problems;

  public ConfigException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
