package dev.lookout.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RestatectlTest {

  @Test
  void detectsCallerChosenAddress() {
    assertTrue(Restatectl.choosesAddress("--address", "http://x:1", "status"));
    assertTrue(Restatectl.choosesAddress("--address=http://x:1", "status"));
    assertTrue(Restatectl.choosesAddress("-s", "http://x:1", "status"));
    assertTrue(Restatectl.choosesAddress("--single-address=http://x:1", "status"));
    assertFalse(Restatectl.choosesAddress("sql", "select 1"));
  }

  @Test
  void parsesJsonRows() {
    assertEquals("alive", Restatectl.parseRows("[{\"state\":\"alive\"}]").get(0)
        .path("state").asText());
    assertEquals(0, Restatectl.parseRows("").size());
  }

  @Test
  void rejectsNonArrayOutput() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Restatectl.parseRows("{\"a\":1}"));
    assertEquals("restatectl sql printed OBJECT instead of an array: {\"a\":1}", e.getMessage());
  }
}
