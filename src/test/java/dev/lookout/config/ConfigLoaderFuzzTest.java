package dev.lookout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * Any text as lookout.yaml: the loader returns a config or throws ConfigException, and every
 * problem in it names the file and a 1-based line and column, since the file was readable.
 * Seeds are the config fixtures, good and bad, in ConfigLoaderFuzzTestInputs/parse.
 */
@Tag("fuzz")
class ConfigLoaderFuzzTest {
  private static final String FILE = "lookout.yaml";
  private static final Map<String, String> ENV = Map.of("TOKEN", "s3cret", "HOST", "127.0.0.1");

  @FuzzTest
  @Timeout(10)
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      ConfigLoader.parse(text, FILE, Path.of("/etc/lookout"), ENV);
    } catch (ConfigException e) {
      assertFalse(e.problems().isEmpty());
      for (Problem p : e.problems()) {
        assertEquals(FILE, p.file(), p.toString());
        assertTrue(p.line() >= 1 && p.column() >= 1, "no position: " + p);
        assertFalse(p.message().isBlank(), p.toString());
      }
    }
  }
}
