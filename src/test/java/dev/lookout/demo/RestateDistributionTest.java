package dev.lookout.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
