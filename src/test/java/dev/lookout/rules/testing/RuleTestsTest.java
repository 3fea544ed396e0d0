package dev.lookout.rules.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code *.pass.yaml} in the fixtures passes; every {@code *.fail.yaml} fails with exactly
 * the report in the {@code .fail.txt} beside it (fixture paths written relative to the folder).
 */
class RuleTestsTest {
  static final Path DIR = Path.of("src/test/resources/rule-tests");

  static Stream<String> passing() throws IOException {
    return fixtures(".pass.yaml");
  }

  static Stream<String> failing() throws IOException {
    return fixtures(".fail.yaml");
  }

  private static Stream<String> fixtures(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("passing")
  void passes(String name) {
    Report report = RuleTests.run(DIR.resolve(name));
    assertTrue(report.passed(), report.text());
    assertEquals("Unit Testing: " + DIR.resolve(name) + "\n  SUCCESS\n", report.text());
  }

  @ParameterizedTest
  @MethodSource("failing")
  void failsWithExactReport(String name) throws IOException {
    Report report = RuleTests.run(DIR.resolve(name));
    String expected = Files.readString(DIR.resolve(name.replace(".yaml", ".txt")));
    assertFalse(report.passed());
    assertEquals(expected, report.text().replace(DIR + "/", ""));
  }
}
