package dev.lookout.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The agent as an operator runs it, `lookout run --config FILE`, in a JVM of its own with this
 * test's classpath, so that it can be killed (SIGKILL), hung up on (SIGHUP) and started again.
 */
final class ChildAgent implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Process process;
  private final int port;

  private ChildAgent(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the agent on {@code config}; its output goes to {@code log}. */
  static ChildAgent start(Path config, int port, Path log) throws IOException {
    // A signal ignored by this JVM's parent (nohup) is ignored by every child too: reset SIGHUP.
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=HUP",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "dev.lookout.Main", "run", "--config", config.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new ChildAgent(p, port);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Polls /-/ready until it answers 200; false if the process died or the time ran out. */
  boolean awaitReady(Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end && process.isAlive()) {
      if (get("/-/ready") == 200) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** The status of a GET, or -1 when nothing answered. */
  int get(String path) {
    try {
      return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  String body(String path) throws IOException, InterruptedException {
    return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return HTTP.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2));
  }

  /** Sends a signal by name ("HUP", "KILL") with the system's kill command. */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("agent " + process.pid() + " survived SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
