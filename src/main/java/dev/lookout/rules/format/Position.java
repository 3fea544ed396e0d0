package dev.lookout.rules.format;

import dev.lookout.config.Problem;

/** Where something was written in a rule file, 1-based, so that every complaint can point at it. */
public record Position(String file, int line, int column) {
  public Problem problem(String message) {
    return new Problem(file, line, column, message);
  }

  /** The same file, another spot: used to point inside an expression or template. */
  public Position at(int line, int column) {
    return new Position(file, line, column);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
