package dev.lookout.app;

import static dev.lookout.app.AgentE2ETest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule file broken while the agent runs as an operator runs it: whether the reload comes from
 * the file's change, SIGHUP or POST /-/reload, the last good rules stay in use and keep their
 * alerts, and the failure shows in the metric, the reload's answer and the log, by file and line.
 */
@Tag("e2e")
class AgentReloadTest {
  private static final int PORT = 24502;
  private static final int DEAD_TARGET_PORT = 24503;
  private static final String RULE = """
      groups:
        - name: reload
          rules:
            - alert: %s
              each: %s
              expr: "!cluster.tablesRead"
              for: 1s
              labels: {severity: warning}
              annotations: {summary: down, runbook_url: "https://runbooks.test/down.md"}
      """;

  @TempDir
  Path dir;
  private ChildAgent agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void brokenRuleFileKeepsTheLastGoodRulesAndSaysWhereItIsBroken() throws Exception {
    Path rules = dir.resolve("rules.yaml");
    Files.writeString(rules, RULE.formatted("TargetDown", "cluster"));
    Files.writeString(dir.resolve("lookout.yaml"), """
        cluster: reload
        listen: 127.0.0.1:%d
        scrape: {interval: 200ms, timeout: 100ms}
        state_dir: state
        runbook_base_url: https://runbooks.test
        targets:
          - {name: restate, type: restate, addresses: ["http://127.0.0.1:%d"]}
        rule_files: [rules.yaml]
        """.formatted(PORT, DEAD_TARGET_PORT));
    agent = ChildAgent.start(dir.resolve("lookout.yaml"), PORT, dir.resolve("agent.log"));
    assertTrue(agent.awaitReady(Duration.ofSeconds(60)), this::log);
    awaitTrue("TargetDown firing", Duration.ofSeconds(20), () -> firing("TargetDown"));

    Files.writeString(rules, RULE.formatted("TargetDownRenamed", "clusters"));
    String where = rules + ":5:";
    awaitTrue("the edit's reload failed", Duration.ofSeconds(10), () -> reloadSuccessful() == 0.0);
    HttpResponse<String> post = agent.post("/-/reload");
    assertEquals(500, post.statusCode());
    assertTrue(post.body().startsWith("failed to reload rules; the previous rules stay in use:\n" + where),
        post.body());
    int failuresLogged = count("rule reload failed");
    agent.signal("HUP");
    awaitTrue("SIGHUP's reload failed too", Duration.ofSeconds(10), () -> count("rule reload failed") > failuresLogged);
    assertTrue(log().contains(where), "the log names the file and line: " + log());
    assertTrue(agent.body("/api/v1/rules").contains("\"TargetDown\""), "the last good rules stay in use");
    assertTrue(firing("TargetDown"), "their alert keeps firing");

    Files.writeString(rules, RULE.formatted("TargetDownRenamed", "cluster"));
    awaitTrue("the fixed file loaded", Duration.ofSeconds(10), () -> reloadSuccessful() == 1.0);
    int reloadsLogged = count("rules reloaded");
    agent.signal("HUP");
    awaitTrue("SIGHUP reloaded the unchanged file", Duration.ofSeconds(10), () -> count("rules reloaded") > reloadsLogged);
    awaitTrue("the new rule fires", Duration.ofSeconds(10), () -> firing("TargetDownRenamed"));
    assertEquals(200, agent.post("/-/reload").statusCode());
  }

  private boolean firing(String alertname) {
    try {
      for (JsonNode a : new ObjectMapper().readTree(agent.body("/api/v1/alerts")).get("data").get("alerts")) {
        if (a.get("labels").get("alertname").asText().equals(alertname) && a.get("state").asText().equals("firing")) {
          return true;
        }
      }
      return false;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private double reloadSuccessful() {
    try {
      Double v = MetricsText.value(agent.body("/metrics").replace("lookout_rules_last_reload_successful ",
          "lookout_rules_last_reload_successful{} "), "lookout_rules_last_reload_successful");
      return v == null ? -1 : v;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private int count(String text) {
    return log().split(java.util.regex.Pattern.quote(text), -1).length - 1;
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("agent.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
