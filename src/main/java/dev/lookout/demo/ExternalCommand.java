package dev.lookout.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived external command with a deadline; every call is bounded. */
final class ExternalCommand {

  private ExternalCommand() {}

  /**
   * Runs {@code command} and waits at most {@code timeout}. Output goes through temporary files
   * rather than pipes so a chatty command can never block on a full pipe buffer.
   *
   * @throws IOException when the program cannot be started (for example it is not installed)
   * @throws InterruptedException when interrupted; the child is killed first
   */
  static CommandResult run(List<String> command, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("lookout-cmd", ".out");
    Path err = Files.createTempFile("lookout-cmd", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      builder.environment().putAll(env);
      return await(builder.start(), timeout, out, err);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Like {@link #run} for callers that cannot handle the checked exceptions sensibly. */
  static CommandResult runUnchecked(List<String> command, Map<String, String> env, Duration timeout) {
    try {
      return run(command, env, timeout);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  private static CommandResult await(Process process, Duration timeout, Path out, Path err)
      throws IOException, InterruptedException {
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
    if (!finished) {
      process.destroyForcibly().waitFor();
    }
    int exit = finished ? process.exitValue() : -1;
    return new CommandResult(exit, read(out), read(err), !finished);
  }

  // Not Files.readString: a log line with invalid UTF-8 must not hide the exit code.
  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
