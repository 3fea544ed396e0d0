package dev.lookout.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestateDistributionTest {

  @Test
  void cacheDefaultsUnderUserHome() {
    assertEquals(Path.of("/home/u/.cache/lookout/restate-1.7.12"),
        RestateDistribution.defaultDirectory(Map.of(), Path.of("/home/u")));
  }

  @Test
  void cacheRootFromEnvironment() {
    assertEquals(Path.of("/c/restate-1.7.12"), RestateDistribution.defaultDirectory(
        Map.of(RestateDistribution.CACHE_ENV, "/c"), Path.of("/home/u")));
  }

  @Test
  void rejectsOtherPlatforms() {
    RestateDistribution.checkPlatform("Linux", "amd64");
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> RestateDistribution.checkPlatform("Mac OS X", "aarch64"));
    assertEquals("The Restate demo cluster needs linux-x64 (the npm packages ship only that"
        + " binary); this machine is Mac OS X/aarch64", e.getMessage());
  }

  @Test
  void publishMovesStagingIntoPlace(@TempDir Path tmp) throws Exception {
    Path staging = Files.createDirectory(tmp.resolve("staging"));
    Files.writeString(staging.resolve("mine"), "x");
    RestateDistribution.publish(staging, tmp.resolve("restate"));
    assertTrue(Files.exists(tmp.resolve("restate/mine")));
  }

  @Test
  void publishLosingARaceKeepsTheWinnersCopy(@TempDir Path tmp) throws Exception {
    Path winner = Files.createDirectory(tmp.resolve("restate"));
    Files.writeString(winner.resolve("theirs"), "x");
    Path staging = Files.createDirectory(tmp.resolve("staging"));
    Files.writeString(staging.resolve("mine"), "x");
    RestateDistribution.publish(staging, winner);
    assertTrue(Files.exists(winner.resolve("theirs")));
    assertFalse(Files.exists(winner.resolve("mine")));
  }
}
