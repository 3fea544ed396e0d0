package dev.lookout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "0s, 0",
    "500ms, 500",
    "10s, 10000",
    "1m, 60000",
    "1h30m, 5400000",
    "2d, 172800000",
    "1w, 604800000",
    "1y, 31536000000",
    "1m30s250ms, 90250",
  })
  void parsesPrometheusDurations(String text, long millis) {
    assertEquals(Optional.of(Duration.ofMillis(millis)), Durations.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10", "10x", "1.5s", "-1s", "30m1h", "1s1s", " 1s", "1S",
      "ms", "99999999999999999999y", "1000000000y"})
  void rejectsAnythingElse(String text) {
    assertTrue(Durations.parse(text).isEmpty(), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "500ms", "10s", "1m", "1h30m", "2d", "1w3d", "1m30s250ms"})
  void formatReadsBack(String text) {
    assertEquals(text, Durations.format(Durations.parse(text).orElseThrow()));
  }
}
