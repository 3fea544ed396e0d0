package dev.lookout.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs restatectl the way an operator does, one process per command, and measures wall time and
 * the CPU the processes used (bash's `times` reports what its children consumed).
 */
final class Restatectl {
  private static final long LIMIT_SECONDS = 90;

  private final Path binary;
  private final URI address;

  Restatectl(Path binary, URI address) {
    this.binary = binary;
    this.address = address;
  }

  /** Runs every command in sequence, {@code runs} times; one table row with per-run figures. */
  String measure(String label, List<List<String>> commands, int runs) throws Exception {
    long[] wall = new long[runs];
    double cpu = 0;
    for (int r = 0; r < runs; r++) {
      long t = System.nanoTime();
      cpu += runAll(commands);
      wall[r] = System.nanoTime() - t;
    }
    Arrays.sort(wall);
    return String.format("| %s | %d commands | %.1f ms | %.1f ms | %.1f ms |", label, commands.size(),
        wall[runs / 2] / 1e6, wall[runs - 1 - runs / 10] / 1e6, cpu / runs);
  }

  /** Client CPU milliseconds of one pass over the commands. */
  private double runAll(List<List<String>> commands) throws Exception {
    StringBuilder script = new StringBuilder();
    for (List<String> command : commands) {
      script.append(quote(binary.toString())).append(" --address ").append(address);
      for (String arg : command) {
        script.append(' ').append(quote(arg));
      }
      script.append(" >/dev/null 2>&1\n");
    }
    script.append("times\n");
    Process p = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true).start();
    if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("restatectl took over " + LIMIT_SECONDS + " s: " + commands);
    }
    List<String> lines = new ArrayList<>(List.of(new String(p.getInputStream().readAllBytes()).split("\n")));
    return childCpuMillis(lines.get(lines.size() - 1));
  }

  /** bash `times` second line: "0m0.120s 0m0.040s" (children's user and system time). */
  static double childCpuMillis(String line) {
    double total = 0;
    for (String part : line.trim().split("\\s+")) {
      int m = part.indexOf('m');
      total += Double.parseDouble(part.substring(0, m)) * 60_000
          + Double.parseDouble(part.substring(m + 1, part.length() - 1)) * 1000;
    }
    return total;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
