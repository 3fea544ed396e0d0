package dev.lookout.output.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The status page in headless Chromium, served by a real HttpServer: what a person sees is the
 * dead node marked and the alert's runbook one tap away, on a desktop and on a phone.
 * Screenshots are kept in target/screenshots.
 */
@Tag("e2e")
class StatusPageBrowserTest {
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static HttpServer server;
  private static ChromeSession chrome;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(Files.isExecutable(ChromeSession.CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
    server = new HttpServer("127.0.0.1", 0, new HttpServer.Views(() -> true, () -> true,
        StatusFixtures::checks, () -> List.of(StatusFixtures.troubled()), StatusFixtures::targets,
        out -> { }, StatusFixtures::alerts, List::of, () -> "", name -> null),
        InstantSource.fixed(StatusFixtures.NOW));
    url = "http://127.0.0.1:" + server.start() + "/";
    chrome = new ChromeSession();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (chrome != null) {
        chrome.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void deadNodeIsMarkedAndTheRunbookIsLinked() throws Exception {
    chrome.resize(1280, 900);
    chrome.open(url);
    List<String> deadRows = chrome.find("table[id='nodes-prod'] tr[data-node='2']");
    assertEquals(1, deadRows.size());
    assertEquals("problem", chrome.attribute(deadRows.get(0), "class"));
    assertEquals("2", chrome.script("return document.querySelector("
        + "\"table[id='nodes-prod'] tbody tr\").dataset.node").asText(), "the dead node is the first row");
    List<String> runbook = chrome.find("[data-alert='RestateNodeDead'] .runbook a");
    assertEquals(StatusFixtures.RUNBOOK, chrome.attribute(runbook.get(0), "href"));
    assertEquals(0, chrome.script("return document.querySelectorAll('script').length").asInt(),
        "an escaped <script> must stay text");
    assertTrue(chrome.script("return document.body.innerText").asText().contains(StatusFixtures.EVIL_NAME));
    chrome.fullPageScreenshot(1280, SHOTS.resolve("status-page.png"));
  }

  @Test
  void onAPhoneOnlyTheTablesScrollSideways() throws Exception {
    chrome.resize(390, 844);
    chrome.open(url);
    int pageWidth = chrome.script("return document.documentElement.scrollWidth").asInt();
    int viewport = chrome.script("return document.documentElement.clientWidth").asInt();
    assertTrue(pageWidth <= viewport, "page is " + pageWidth + "px wide in a " + viewport + "px viewport");
    assertTrue(chrome.script("const s = document.querySelector(\"table[id='partitions-prod']\")"
        + ".parentElement; return s.scrollWidth > s.clientWidth").asBoolean(), "the wide table scrolls");
    chrome.fullPageScreenshot(390, SHOTS.resolve("status-page-phone.png"));
  }

  @Test
  void aDarkSystemThemeGetsTheDarkColours() throws Exception {
    try {
      chrome.colorScheme("dark");
      chrome.open(url);
      assertEquals("rgb(15, 18, 22)", chrome.script(
          "return getComputedStyle(document.body).backgroundColor").asText());
      chrome.fullPageScreenshot(1280, SHOTS.resolve("status-page-dark.png"));
    } finally {
      chrome.colorScheme("light");
    }
  }
}
