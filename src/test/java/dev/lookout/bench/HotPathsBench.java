package dev.lookout.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of the hot paths ({@code DecodeBenchmark}, {@code TickBenchmark}) in
 * one forked JVM each and writes JMH's table to target/bench/jmh.txt. Run: see README
 * ("Benchmarks"); -Djmh.include=RegEx picks benchmarks.
 */
@Tag("bench")
class HotPathsBench {
  @Test
  void hotPaths() throws Exception {
    Path out = Path.of("target", "bench", "jmh.txt");
    Files.createDirectories(out.getParent());
    int iterations = Integer.getInteger("jmh.iterations", 5);
    OptionsBuilder options = new OptionsBuilder();
    options.include(System.getProperty("jmh.include", "dev.lookout.*Benchmark"))
        .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
        .measurementIterations(iterations).measurementTime(TimeValue.seconds(2))
        .jvmArgsAppend("-Xmx2g").output(out.toString());
    if (System.getProperty("jmh.size") != null) {
      options.param("size", System.getProperty("jmh.size")); // e.g. 128/16384
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    assertFalse(results.isEmpty(), "no benchmark ran");
    System.out.println(Files.readString(out));
  }
}
