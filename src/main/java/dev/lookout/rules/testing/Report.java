package dev.lookout.rules.testing;

import java.nio.file.Path;
import java.util.Objects;

/** The outcome of one rule test file: whether every test passed, and the text to print. */
public record Report(Path file, boolean passed, String text) {
  public Report {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(text, "text");
  }
}
