package dev.lookout.output.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager) on loopback, clustering off, routing
 * everything to one webhook with short group timings. Stop and start it again on the same port
 * and storage to play an outage.
 */
public final class AlertmanagerProcess implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final int port;
  private Process process;

  public AlertmanagerProcess(Path dir, int port, String webhookUrl) throws IOException {
    this.dir = dir;
    this.port = port;
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("alertmanager.yml"), String.join("\n",
        "route:",
        "  receiver: hook",
        "  group_by: [alertname]",
        "  group_wait: 1s",
        "  group_interval: 1s",
        "  repeat_interval: 1h",
        "receivers:",
        "  - name: hook",
        "    webhook_configs:",
        "      - url: " + webhookUrl,
        "        send_resolved: true",
        ""));
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public void start() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(BINARY.toString(),
        "--config.file=" + dir.resolve("alertmanager.yml"),
        "--storage.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--cluster.listen-address=");
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("alertmanager.log").toFile()));
    process = builder.start();
    awaitReady(Duration.ofSeconds(20));
  }

  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  /** Freezes the process (SIGSTOP): it still accepts connections but answers nothing. */
  public void pause() throws Exception {
    signal("-STOP");
  }

  /** Thaws a paused process (SIGCONT). */
  public void resume() throws Exception {
    signal("-CONT");
  }

  private void signal(String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
    }
  }

  /** The alerts Alertmanager holds as active (resolved ones are not listed). */
  public List<JsonNode> alerts() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/api/v2/alerts"))
        .timeout(Duration.ofSeconds(5)).build();
    JsonNode array = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
  }

  String log() throws IOException {
    Path log = dir.resolve("alertmanager.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
        .timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("alertmanager exited: " + log());
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("alertmanager not ready within " + timeout + ": " + log());
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
