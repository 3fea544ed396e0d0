package dev.lookout.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lookout.demo.LocalCluster;
import dev.lookout.demo.RestateDistribution;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent as an operator starts it, against a real 3-node cluster: time and CPU from
 * launch to the first complete tick (`/-/ready`), and resident memory once steady, with the flags
 * of agent/jvm.options and with none. Needs a fresh `mvn package` (jar and class archive).
 * Writes target/bench/startup.md.
 */
@Tag("bench")
class StartupBench {
  private static final int BASE_PORT = 27100;
  private static final int AGENT_PORT = 27190;
  private static final int LAUNCHES = Integer.getInteger("bench.launches", 5);
  private static final Duration STEADY = Duration.ofSeconds(Integer.getInteger("bench.steady.seconds", 60));
  private static final Path JAR = Path.of("target", "lookout.jar");
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> rows = new ArrayList<>();

  @TempDir
  Path dir;

  @Test
  void launchToReadyAndSteadyMemory() throws Exception {
    assumeTrue(Files.exists(JAR) && Files.exists(Path.of("target", "lookout.jsa")),
        "run `mvn -B package -DskipTests` first: this benchmark starts the packaged agent");
    RestateDistribution dist = RestateDistribution.ensureInstalled();
    try (LocalCluster cluster = LocalCluster.start(dist, dir.resolve("cluster"), 3, BASE_PORT)) {
      cluster.awaitReady(Duration.ofSeconds(90));
      Path config = config(cluster.address(1));
      rows.add("| JVM flags | launch to first complete tick (median of " + LAUNCHES + ") | max"
          + " | CPU by then | resident memory, steady (" + STEADY.toSeconds() + " s) |");
      rows.add("|---|---|---|---|---|");
      measure("none (JDK defaults)", List.of(), config);
      measure("@agent/jvm.options", List.of("@agent/jvm.options"), config);
    }
    String table = String.join("\n", rows) + "\n";
    System.out.println(table);
    Files.createDirectories(Path.of("target", "bench"));
    Files.writeString(Path.of("target", "bench", "startup.md"), table);
  }

  private Path config(URI node) throws IOException {
    Path config = dir.resolve("lookout.yaml");
    Files.writeString(config, String.join("\n",
        "cluster: bench",
        "listen: 127.0.0.1:" + AGENT_PORT,
        "scrape: {interval: 10s, timeout: 3s}",
        "state_dir: data",
        "targets: [{name: restate, type: restate, addresses: [\"" + node + "\"]}]",
        "rule_files: [" + Path.of("rules", "restate.yaml").toAbsolutePath() + "]",
        ""));
    return config;
  }

  private void measure(String label, List<String> flags, Path config) throws Exception {
    long[] readyMillis = new long[LAUNCHES];
    long[] cpuMillis = new long[LAUNCHES];
    long steadyRss = 0;
    for (int i = 0; i < LAUNCHES; i++) {
      Process agent = launch(flags, config);
      try {
        long start = System.nanoTime();
        awaitReady(agent);
        readyMillis[i] = (System.nanoTime() - start) / 1_000_000;
        cpuMillis[i] = cpuMillis(agent.pid());
        if (i == LAUNCHES - 1) {
          steadyRss = steadyRssKb(agent.pid());
        }
      } finally {
        agent.destroy();
        agent.waitFor();
      }
    }
    Arrays.sort(readyMillis);
    Arrays.sort(cpuMillis);
    rows.add(String.format("| %s | %d ms | %d ms | %d ms | %.0f MB |", label,
        readyMillis[LAUNCHES / 2], readyMillis[LAUNCHES - 1], cpuMillis[LAUNCHES / 2], steadyRss / 1024.0));
  }

  private Process launch(List<String> flags, Path config) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.addAll(List.of("-jar", JAR.toString(), "run", "--config", config.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("agent.log").toFile()).start();
  }

  private void awaitReady(Process agent) throws Exception {
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + AGENT_PORT + "/-/ready"))
        .timeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(agent.isAlive(), "agent exited; see " + dir.resolve("agent.log"));
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the HTTP server is still starting
      }
      Thread.sleep(10);
    }
    throw new AssertionError("agent not ready within 60 s");
  }

  /** User plus system CPU of the process so far, from /proc/PID/stat (fields 14 and 15). */
  private static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
  }

  /** The highest VmRSS over the second half of the steady period, sampled every second. */
  private static long steadyRssKb(long pid) throws Exception {
    long max = 0;
    long seconds = STEADY.toSeconds();
    for (long s = 0; s < seconds; s++) {
      Thread.sleep(1000);
      if (s >= seconds / 2) {
        max = Math.max(max, rssKb(pid));
      }
    }
    return max;
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no VmRSS for process " + pid);
  }
}
