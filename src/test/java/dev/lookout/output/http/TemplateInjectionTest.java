package dev.lookout.output.http;

import static dev.lookout.output.http.StatusFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.alerts.Alert;
import dev.lookout.alerts.AlertState;
import dev.lookout.model.Sample;
import dev.lookout.rules.CompiledRule;
import dev.lookout.rules.Match;
import dev.lookout.rules.RuleEvaluator;
import dev.lookout.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values a target controls (here a scraped sample's labels) go through a rule's annotation
 * templates into the status page and the JSON API. Whatever they hold, the page shows them as
 * text, the JSON stays one well-formed document carrying them unchanged, and template syntax
 * inside a value is not expanded a second time.
 */
class TemplateInjectionTest {
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String BREAKOUT = "\"},{\"x\":1";
  private static final String BRACES = "{{ $labels.who }}";
  private static final String RULES = """
      groups:
        - name: g
          rules:
            - alert: Hostile
              each: sample
              expr: 'sample.name == "evil"'
              labels: {severity: critical}
              annotations:
                summary: "{{ $labels.who }} said {{ $labels.quote }}"
                description: "braces: {{ $labels.braces }}; {{ sample.name }}"
                runbook_url: "{{ $labels.link }}"
      """;

  @TempDir Path dir;
  private Match match;

  @BeforeEach
  void evaluateTheRuleOnHostileLabels() throws Exception {
    Path file = Files.writeString(dir.resolve("rules.yaml"), RULES);
    CompiledRule rule = RuleSet.load(List.of(file), "https://rb").rules().get(0);
    Sample evil = new Sample("evil", Map.of("who", SCRIPT, "quote", BREAKOUT, "braces", BRACES,
        "link", "javascript:alert(2)"), 1);
    List<Match> matches = new RuleEvaluator().evaluate(rule, List.of(evil), "t").matches();
    assertEquals(1, matches.size());
    match = matches.get(0);
  }

  private Alert firing() {
    return new Alert(match.labels(), match.annotations(), AlertState.FIRING, NOW.minusSeconds(60),
        NOW.minusSeconds(30), null, NOW, null, null);
  }

  @Test
  void templatesRenderValuesAsTheyAreOnce() {
    assertEquals(SCRIPT + " said " + BREAKOUT, match.annotations().get("summary"));
    assertEquals("braces: " + BRACES + "; evil", match.annotations().get("description"));
  }

  @Test
  void thePageEscapesEveryValue() {
    String html = StatusPage.render(List.of(), List.of(), List.of(firing()), List.of(), NOW);
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "raw script tag in the page");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; said &quot;},{&quot;x&quot;:1"),
        html);
    assertTrue(html.contains("<code>who=&lt;script&gt;alert(1)&lt;/script&gt;</code>"), html);
    assertTrue(html.contains("braces: {{ $labels.who }}; evil"), html);
    assertFalse(html.contains("href=\"javascript"), "a javascript: runbook must not be a link");
  }

  @Test
  void theAlertsJsonStaysOneDocumentWithTheValuesIntact() throws Exception {
    String json = SnapshotJson.write(AlertsJson.of(List.of(firing())));
    JsonNode alerts = new ObjectMapper().readTree(json).path("data").path("alerts");
    assertEquals(1, alerts.size(), json);
    assertEquals(SCRIPT + " said " + BREAKOUT, alerts.get(0).path("annotations").path("summary").asText());
    assertEquals(BREAKOUT, alerts.get(0).path("labels").path("quote").asText());
    assertEquals(BRACES, alerts.get(0).path("labels").path("braces").asText());
    assertFalse(alerts.get(0).has("x"));
  }

  @Test
  void theRulesJsonStaysOneDocumentWithTheValuesIntact() throws Exception {
    RuleView view = new RuleView("g", "rules.yaml", "Hostile", "sample.name == \"evil\"", 0, 0,
        Map.of("severity", "critical"), match.annotations(), List.of(firing()), NOW.toString(), 0.001, 0);
    String json = SnapshotJson.write(RulesJson.of(List.of(view)));
    JsonNode rule = new ObjectMapper().readTree(json).path("data").path("groups").get(0)
        .path("rules").get(0);
    assertEquals(SCRIPT + " said " + BREAKOUT, rule.path("annotations").path("summary").asText());
    assertEquals(SCRIPT, rule.path("alerts").get(0).path("labels").path("who").asText());
  }
}
