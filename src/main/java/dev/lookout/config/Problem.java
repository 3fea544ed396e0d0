package dev.lookout.config;

import java.util.Objects;

/**
 * One thing wrong with a config file, at a 1-based line and column. Line 0 means the file as a
 * whole (for example when it cannot be read), and is printed without a position.
 */
public record Problem(String file, int line, int column, String message) {
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative position " + line + ":" + column);
    }
  }

  /** The form editors and compilers use, so that a terminal can jump to the spot. */
  @Override
  public String toString() {
    return line == 0 ? file + ": " + message : file + ":" + line + ":" + column + ": " + message;
  }
}
