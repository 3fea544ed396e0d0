package dev.lookout.rules.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The tests of the rule packs we ship, {@code rules/tests/*.yaml}, all pass. */
class ShippedRuleTestsTest {
  static final Path DIR = Path.of("rules/tests");

  @Test
  void shippedRuleTestsPass() throws IOException {
    List<Path> files = List.of();
    if (Files.isDirectory(DIR)) {
      try (Stream<Path> listed = Files.list(DIR)) {
        files = listed.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      }
    }
    assumeFalse(files.isEmpty(), "no rule tests in " + DIR + " yet");
    // Every file runs, so one failure does not hide the next.
    String failed = files.stream().map(RuleTests::run).filter(r -> !r.passed())
        .map(Report::text).collect(Collectors.joining("\n"));
    assertEquals("", failed);
  }
}
