package dev.lookout.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code *.bad.yaml} beside the exact problems it must produce; good files load. */
class RuleFixturesTest {
  static final Path DIR = Path.of("src/test/resources/rules");

  static Stream<String> badFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bad.yaml"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void badFileReportsEveryProblem(String name) throws IOException {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RuleSet.load(List.of(DIR.resolve(name)), "https://runbooks"));
    String expected = Files.readString(DIR.resolve(name.replace(".yaml", ".txt"))).strip();
    String actual = e.getMessage().replace(DIR + "/", "");
    assertEquals(expected, actual);
  }

  @Test
  void goodFileLoads() throws ConfigException {
    RuleSet set = RuleSet.load(List.of(DIR.resolve("restate.good.yaml")), "https://runbooks");
    assertEquals(6, set.rules().size());
    assertTrue(set.rules().stream().allMatch(r -> r.ast().isChecked()));
  }
}
