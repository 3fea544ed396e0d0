package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A read, its grace included, ends within the interval whenever the interval leaves room for it. */
class RunnersTest {
  @Test
  void timeoutAsLongAsTheIntervalLeavesRoomForTheGrace() {
    assertEquals(Duration.ofMillis(9750), Runners.readTimeout(Duration.ofSeconds(10), Duration.ofSeconds(10)));
    assertEquals(Duration.ofMillis(9750), Runners.readTimeout(Duration.ofSeconds(10), Duration.ofMillis(9900)));
  }

  @Test
  void timeoutWithRoomToSpareIsKept() {
    assertEquals(Duration.ofSeconds(3), Runners.readTimeout(Duration.ofSeconds(10), Duration.ofSeconds(3)));
    assertEquals(Duration.ofMillis(9750), Runners.readTimeout(Duration.ofSeconds(10), Duration.ofMillis(9750)));
  }

  @Test
  void intervalTooShortToCutIsLeftAsConfigured() {
    assertEquals(Duration.ofMillis(300), Runners.readTimeout(Duration.ofMillis(300), Duration.ofMillis(300)));
    assertEquals(Duration.ofMillis(150), Runners.readTimeout(Duration.ofMillis(400), Duration.ofMillis(400)));
  }
}
