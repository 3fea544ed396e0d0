package dev.lookout.alerts;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The saved alert state exists but cannot be used: not JSON, an unknown version, or an alert
 * that breaks the lifecycle. Retrying will not help; the caller starts with empty state and says
 * so, and the next save replaces the file.
 */
public final class CorruptAlertStateException extends IOException {
  private final Path file;

  public CorruptAlertStateException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
