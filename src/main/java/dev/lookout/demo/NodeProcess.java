package dev.lookout.demo;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One restate-server process of a local cluster. Restarts reuse the same TOML and append to the
 * same log file, so a test can read the whole history of a node in one place.
 */
final class NodeProcess {

  private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(5);
  private static final int TAIL_BYTES = 4096;

  private final NodeConfig config;
  private final Path server;
  private final Path tomlFile;
  private final Path logFile;
  private Process process;
  private boolean paused;

  NodeProcess(NodeConfig config, Path server, Path workDir) {
    this.config = config;
    this.server = server;
    this.tomlFile = workDir.resolve(config.name() + ".toml");
    this.logFile = workDir.resolve(config.name() + ".log");
  }

  NodeConfig config() {
    return config;
  }

  Path tomlFile() {
    return tomlFile;
  }

  Path logFile() {
    return logFile;
  }

  synchronized void start() throws IOException {
    if (running()) {
      throw new IllegalStateException(config.name() + " is already running as pid " + pid());
    }
    checkPortsFree();
    ProcessBuilder builder = new ProcessBuilder(server.toString(), "--config-file", tomlFile.toString())
        .directory(tomlFile.getParent().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    // The TOML must be the whole truth: a stray RESTATE_* variable would override it silently.
    builder.environment().keySet().removeIf(key -> key.startsWith("RESTATE"));
    process = builder.start();
    paused = false;
  }

  synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /** Running and not stopped by SIGSTOP: the node can answer requests. */
  synchronized boolean live() {
    return running() && !paused;
  }

  synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException(config.name() + " was never started");
    }
    return process.pid();
  }

  synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
      paused = false;
    }
  }

  /** SIGTERM, then SIGKILL if the node has not exited within {@code grace}. */
  synchronized void stop(Duration grace) throws InterruptedException {
    if (!running()) {
      return;
    }
    resume(); // a stopped process would only see SIGTERM after SIGCONT anyway
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  synchronized void pause() {
    signal("STOP");
    paused = true;
  }

  synchronized void resume() {
    if (paused && running()) {
      signal("CONT");
    }
    paused = false;
  }

  /** The last few KB of the node's log, for error messages. */
  String logTail() {
    if (!Files.exists(logFile)) {
      return "(no log at " + logFile + ")";
    }
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long start = Math.max(0, file.length() - TAIL_BYTES);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  // Java has no API for SIGSTOP/SIGCONT, so this goes through kill(1).
  private void signal(String signal) {
    if (!running()) {
      throw new IllegalStateException(config.name() + " is not running; cannot send SIG" + signal);
    }
    List<String> command = List.of("kill", "-" + signal, Long.toString(process.pid()));
    CommandResult result = ExternalCommand.runUnchecked(command, Map.of(), SIGNAL_TIMEOUT);
    if (!result.ok()) {
      throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: "
          + result.describe());
    }
  }

  /** Fails with the port's role named, rather than leaving the server to die on a bind error. */
  private void checkPortsFree() throws IOException {
    for (int port : config.listenPorts()) {
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        probe.setReuseAddress(true);
      } catch (IOException e) {
        throw new IOException("port " + port + " of " + config.name()
            + " is already in use on 127.0.0.1; choose another basePort", e);
      }
    }
  }
}
