package dev.lookout.demo;

/**
 * Outcome of one external command (npm, restatectl, kill). A run-time failure is a value, not an
 * exception, so a test can assert on a command that is expected to fail against a broken cluster.
 *
 * @param exitCode the process exit code, or -1 when the command was killed on its timeout
 * @param timedOut true when the command did not finish in time and was killed
 */
public record CommandResult(int exitCode, String stdout, String stderr, boolean timedOut) {

  public CommandResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }

  public boolean ok() {
    return exitCode == 0 && !timedOut;
  }

  /** A one-line summary for error messages; the streams are trimmed to keep messages readable. */
  public String describe() {
    String status = timedOut ? "timed out" : "exit code " + exitCode;
    return status + ", stderr: " + abbreviate(stderr) + ", stdout: " + abbreviate(stdout);
  }

  private static String abbreviate(String text) {
    String trimmed = text.strip();
    return trimmed.length() <= 2000 ? trimmed : "..." + trimmed.substring(trimmed.length() - 2000);
  }
}
