package dev.lookout.output.http;

import static dev.lookout.output.http.StatusFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.RestateSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rendered HTML of a cluster in trouble: order of rows, escaping, caps. */
class StatusPageTest {
  private static final Pattern ROW = Pattern.compile("<tr(?: class=\"(\\w+)\")?( data-[^>]*)>");

  private static String page(List<RestateSnapshot> snapshots) {
    return StatusPage.render(StatusFixtures.checks(), snapshots, StatusFixtures.alerts(),
        StatusFixtures.targets(), NOW);
  }

  private static String troubledPage() {
    return page(List.of(StatusFixtures.troubled()));
  }

  /** The rows of one table as "class|data attributes", in page order. */
  private static List<String> rows(String html, String tableId) {
    int start = html.indexOf("<table id=\"" + tableId + "\">");
    assertTrue(start >= 0, "no table " + tableId);
    Matcher m = ROW.matcher(html.substring(start, html.indexOf("</table>", start)));
    List<String> rows = new ArrayList<>();
    while (m.find()) {
      rows.add((m.group(1) == null ? "" : m.group(1)) + "|" + m.group(2).trim());
    }
    return rows;
  }

  @Test
  void deadAndDataLossNodesComeFirstMarkedAsProblems() {
    assertEquals(List.of("problem|data-node=\"2\"", "problem|data-node=\"3\"", "|data-node=\"1\"",
        "|data-node=\"4\""), rows(troubledPage(), "nodes-prod"));
  }

  @Test
  void replicaProblemsComeFirstThenLaggingThenHealthy() {
    assertEquals(List.of(
        "problem|data-partition=\"0\" data-node=\"4\"",
        "problem|data-partition=\"1\" data-node=\"4\"",
        "warn|data-partition=\"2\" data-node=\"1\"",
        "|data-partition=\"0\" data-node=\"1\"",
        "|data-partition=\"2\" data-node=\"4\""), rows(troubledPage(), "partitions-prod"));
    String html = troubledPage();
    assertTrue(html.contains("<td>0</td><td>N4</td><td>trim gap: 50 records gone</td>"), html);
    assertTrue(html.contains("<td>1</td><td>N4</td><td>no leader</td><td><span class=\"badge bad\">none"));
    assertTrue(html.contains("<td>2</td><td>N1</td><td>lagging</td>"));
    assertTrue(html.contains("<td>19899</td><td>90</td></tr>"));
  }

  @Test
  void stalledLogsComeFirst() {
    assertEquals(List.of("problem|data-log=\"0\"", "warn|data-log=\"1\"", "warn|data-log=\"2\""),
        rows(troubledPage(), "logs-prod"));
    assertTrue(troubledPage().contains("<td>N1 <span class=\"bad-text\">N2</span> "
        + "<span class=\"bad-text\">N3</span></td>"), "members that cannot write are marked");
  }

  @Test
  void verdictListsTheFailingChecks() {
    String html = troubledPage();
    assertTrue(html.contains("<div class=\"big\">FAILING</div>"));
    assertTrue(html.indexOf("<b>prod:nodes-alive</b>: N2:1 (n2) is dead") < html.indexOf("id=\"alerts\""));
    assertTrue(html.contains("<summary>2 passing</summary>"));
    String ok = StatusPage.render(List.of(HealthCheck.pass("a"), HealthCheck.pass("b")), List.of(),
        List.of(), List.of(), NOW);
    assertTrue(ok.contains("<div class=\"big\">OK</div>\n<p>2 checks pass.</p>"), ok);
    assertTrue(ok.contains("<title>OK · Lookout</title>"));
  }

  @Test
  void alertsFiringFirstBySeverityResolvedLeftOut() {
    String html = troubledPage();
    int dead = html.indexOf("data-alert=\"RestateNodeDead\"");
    int dataLoss = html.indexOf("data-alert=\"RestateLogStorageDataLoss\"");
    int lag = html.indexOf("data-alert=\"RestateFollowerLagHigh\"");
    assertTrue(dead > 0 && dead < dataLoss && dataLoss < lag, dead + " " + dataLoss + " " + lag);
    assertFalse(html.contains("RestateOldProblem"));
    assertTrue(html.contains("2 firing, 1 pending"));
    assertTrue(html.contains("Runbook: <a href=\"" + StatusFixtures.RUNBOOK + "\">"));
    assertTrue(html.contains("<code>cluster=prod</code>"));
    assertTrue(html.contains("firing for 5m 0s"));
  }

  @Test
  void valuesFromTheClusterAndTemplatesAreEscaped() {
    String html = troubledPage();
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "raw script tag in the page");
    assertTrue(html.contains("<td>n3&lt;script&gt;alert(1)&lt;/script&gt;</td>"));
    assertTrue(html.contains("Node N2 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; is dead"));
    assertTrue(html.contains("timeout: &lt;deadline&gt; exceeded"));
  }

  @Test
  void aRunbookThatIsNoWebAddressIsNotALink() {
    String html = StatusPage.render(List.of(), List.of(), List.of(StatusFixtures.firing("X", "critical",
        "s", "javascript:alert(\"1\")")), List.of(), NOW);
    assertTrue(html.contains("Runbook: javascript:alert(&quot;1&quot;)</p>"), html);
    assertFalse(html.contains("href=\"javascript"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "plain|plain", "a<b>c|a&lt;b&gt;c", "`\"q\" & 'a'`|&quot;q&quot; &amp; &#39;a&#39;", "``|``"})
  void escapeCoversTextAndAttributes(String in, String out) {
    assertEquals(out, Html.esc(in));
  }

  @Test
  void longTablesAreCappedWithALinkToTheRest() {
    String html = page(List.of(StatusFixtures.manyPartitions(Html.MAX_ROWS + 50)));
    assertEquals(Html.MAX_ROWS, rows(html, "partitions-prod").size());
    assertTrue(html.contains("<p class=\"more\">50 more rows not shown; all of them are in "
        + "<a href=\"/api/v1/snapshot\">/api/v1/snapshot</a>.</p>"));
    assertEquals(1, html.split("class=\"more\"", -1).length - 1, "only the partitions table is capped");
  }

  @Test
  void downTargetsComeFirstWithTheirErrors() {
    assertEquals(List.of("problem|data-target=\"edge\"", "|data-target=\"prod\""),
        rows(troubledPage(), "targets"));
    assertTrue(troubledPage().contains("(1m 30s ago)"));
  }

  @Test
  void thePageIsSelfContainedAndReadableOnAPhone() {
    String html = troubledPage();
    assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"10\">"));
    assertTrue(html.contains("prefers-color-scheme:dark"));
    assertFalse(html.contains("src="), "no external scripts or images");
    assertFalse(html.contains("<link"), "no external stylesheets");
  }
}
