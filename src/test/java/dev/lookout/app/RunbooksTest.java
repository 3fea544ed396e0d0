package dev.lookout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runbooks come only from the runbooks folder beside a rule file, whatever the name asks for. */
class RunbooksTest {
  @Test
  void servesRunbooksAndNothingElse(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("rules/runbooks"));
    Files.writeString(dir.resolve("rules/runbooks/NodeDead.md"), "# NodeDead\n");
    Files.writeString(dir.resolve("rules/secret.md"), "secret\n");
    Runbooks runbooks = new Runbooks(List.of(dir.resolve("rules/restate.yaml")));
    assertEquals("# NodeDead\n", runbooks.read("NodeDead.md"));
    assertNull(runbooks.read("../secret.md"));
    assertNull(runbooks.read("..%2Fsecret.md"));
    assertNull(runbooks.read("NodeDead"));
    assertNull(runbooks.read("Missing.md"));
  }

  @Test
  void theShippedPackHasARunbookForEveryRule() throws Exception {
    Runbooks runbooks = new Runbooks(List.of(Path.of("rules/restate.yaml")));
    for (var rule : dev.lookout.rules.RuleSet.load(List.of(Path.of("rules/restate.yaml")), "").rules()) {
      String name = rule.alert() + ".md";
      assertEquals(true, runbooks.read(name) != null && runbooks.read(name).contains("## Mitigation"),
          "runbook with a Mitigation section for " + rule.alert());
    }
  }
}
