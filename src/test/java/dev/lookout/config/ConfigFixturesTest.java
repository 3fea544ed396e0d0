package dev.lookout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code *.good.yaml} under {@code src/test/resources/config} must load; every
 * {@code *.bad.yaml} must fail with exactly the lines of the {@code .bad.txt} beside it.
 */
class ConfigFixturesTest {
  static final Path DIR = Path.of("src/test/resources/config");
  static final Map<String, String> ENV =
      Map.of("WEBHOOK_TOKEN", "s3cret", "NATS_HOST", "10.0.0.7");

  @TestFactory
  Stream<DynamicTest> goodFilesLoad() throws IOException {
    return fixtures(".good.yaml").stream().map(f -> DynamicTest.dynamicTest(name(f), () -> {
      Config config = parse(f);
      assertFalse(config.targets().isEmpty());
    }));
  }

  @TestFactory
  Stream<DynamicTest> badFilesReportExactProblems() throws IOException {
    return fixtures(".bad.yaml").stream().map(f -> DynamicTest.dynamicTest(name(f), () -> {
      Path expectedFile = f.resolveSibling(name(f).replace(".bad.yaml", ".bad.txt"));
      String expected = Files.readString(expectedFile).strip();
      ConfigException e = assertThrows(ConfigException.class, () -> parse(f));
      assertEquals(expected, e.getMessage());
    }));
  }

  static Config parse(Path file) throws IOException, ConfigException {
    return ConfigLoader.parse(Files.readString(file), name(file), DIR.toAbsolutePath(), ENV);
  }

  private static List<Path> fixtures(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<Path> found = files.filter(f -> name(f).endsWith(suffix)).sorted()
          .collect(Collectors.toList());
      assertFalse(found.isEmpty(), "no " + suffix + " fixtures in " + DIR);
      return found;
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
