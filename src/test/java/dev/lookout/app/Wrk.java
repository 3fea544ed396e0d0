package dev.lookout.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code wrk} load generator, run against one URL. Its figures come from the
 * {@code done()} hook in {@code load/report.lua}, one {@code key=value} line, not from the
 * human-readable summary.
 */
final class Wrk {
  static final Path BINARY = Path.of("/usr/bin/wrk");
  private static final Path SCRIPT = Path.of("src/test/resources/load/report.lua");

  /** Threads, open connections and how long to keep them busy. */
  record Load(int threads, int connections, Duration duration) {}

  /**
   * One run's figures; latencies in microseconds. {@code non2xx} counts every response that is not
   * 2xx ({@code status}, wrk's own count, only those >= 400); {@code firstNon2xx} shows one.
   */
  record Result(String url, Load load, long requests, double rps, long p50, long p90, long p99,
      long max, long bytes, long connect, long read, long write, long status, long timeout,
      long non2xx, String firstNon2xx) {
    long errors() {
      return connect + read + write + timeout + non2xx;
    }

    String line() {
      return String.format("%-40s -t%d -c%d %ds: %8.0f req/s  p50 %6.2f ms  p90 %6.2f ms  "
              + "p99 %6.2f ms  max %7.2f ms  %d requests, %d errors (connect %d read %d write %d "
              + "timeout %d non-2xx %d%s), %d bytes/response",
          url, load.threads(), load.connections(), load.duration().toSeconds(), rps, p50 / 1e3,
          p90 / 1e3, p99 / 1e3, max / 1e3, requests, errors(), connect, read, write, timeout,
          non2xx, firstNon2xx.isEmpty() ? "" : ", first: " + firstNon2xx,
          requests == 0 ? 0 : bytes / requests);
    }
  }

  private Wrk() {}

  static Result run(String url, Load load, Path workDir) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "wrk", ".out");
    Process process = new ProcessBuilder(BINARY.toString(), "-t" + load.threads(),
        "-c" + load.connections(), "-d" + load.duration().toSeconds() + "s", "--timeout", "2s",
        "-s", SCRIPT.toAbsolutePath().toString(), url)
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    long grace = load.duration().toSeconds() + 30;
    if (!process.waitFor(grace, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("wrk did not finish within " + grace + " s");
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new AssertionError("wrk exited with " + process.exitValue() + ":\n" + text);
    }
    return parse(url, load, text);
  }

  static Result parse(String url, Load load, String output) {
    String line = output.lines().filter(l -> l.startsWith("wrk-result ")).findFirst()
        .orElseThrow(() -> new AssertionError("no wrk-result line in:\n" + output));
    Map<String, String> f = new HashMap<>();
    for (String pair : List.of(line.substring("wrk-result ".length()).trim().split(" "))) {
      String[] kv = pair.split("=", 2);
      f.put(kv[0], kv[1]);
    }
    return new Result(url, load, num(f, "requests"), Double.parseDouble(f.get("rps")),
        num(f, "p50_us"), num(f, "p90_us"), num(f, "p99_us"), num(f, "max_us"), num(f, "bytes"),
        num(f, "connect"), num(f, "read"), num(f, "write"), num(f, "status"), num(f, "timeout"),
        num(f, "non2xx"), output.lines().filter(l -> l.startsWith("wrk-first-non2xx "))
            .map(l -> l.substring("wrk-first-non2xx ".length())).findFirst().orElse(""));
  }

  private static long num(Map<String, String> fields, String key) {
    String value = fields.get(key);
    if (value == null) {
      throw new AssertionError("wrk-result has no " + key + ": " + fields);
    }
    return Long.parseLong(value);
  }
}
