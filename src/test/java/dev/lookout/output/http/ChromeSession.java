package dev.lookout.output.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven by chromedriver over the W3C WebDriver protocol, with plain HTTP
 * calls: enough for a test to open a page, read the DOM and take screenshots.
 */
final class ChromeSession implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** The W3C key under which an element reference comes back. */
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Process driver;
  private final Path profile;
  private final String base;
  private final String session;

  ChromeSession() throws Exception {
    int port = freePort();
    profile = Files.createTempDirectory("lookout-chromium");
    driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
        .redirectErrorStream(true).redirectOutput(profile.resolve("chromedriver.log").toFile()).start();
    base = "http://127.0.0.1:" + port;
    try {
      awaitReady();
      session = call("POST", "/session", capabilities()).get("sessionId").asText();
    } catch (Exception | AssertionError e) {
      driver.destroy();
      throw e;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private ObjectNode capabilities() {
    ObjectNode chrome = JSON.createObjectNode().put("binary", CHROMIUM.toString());
    List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile.resolve("profile")).forEach(chrome.putArray("args")::add);
    ObjectNode always = JSON.createObjectNode().put("browserName", "chrome");
    always.set("goog:chromeOptions", chrome);
    ObjectNode caps = JSON.createObjectNode();
    caps.putObject("capabilities").set("alwaysMatch", always);
    return caps;
  }

  /** chromedriver takes a moment to listen; its /status says when sessions can start. */
  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try {
        if (call("GET", "/status", null).path("ready").asBoolean()) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("chromedriver did not start; see " + profile.resolve("chromedriver.log"));
  }

  void open(String url) throws Exception {
    call("POST", path("/url"), JSON.createObjectNode().put("url", url));
  }

  void resize(int width, int height) throws Exception {
    call("POST", path("/window/rect"), JSON.createObjectNode().put("width", width).put("height", height));
  }

  /** Element references for a CSS selector, in document order. */
  List<String> find(String css) throws Exception {
    JsonNode found = call("POST", path("/elements"),
        JSON.createObjectNode().put("using", "css selector").put("value", css));
    return found.findValuesAsText(ELEMENT);
  }

  String attribute(String element, String name) throws Exception {
    return call("GET", path("/element/" + element + "/attribute/" + name), null).asText();
  }

  /** Runs a script in the page; its return value as JSON. */
  JsonNode script(String body) throws Exception {
    ObjectNode req = JSON.createObjectNode().put("script", body);
    req.putArray("args");
    return call("POST", path("/execute/sync"), req);
  }

  /** A Chrome DevTools command through chromedriver, for what WebDriver has no call for. */
  JsonNode devtools(String command, ObjectNode params) throws Exception {
    ObjectNode req = JSON.createObjectNode().put("cmd", command);
    req.set("params", params);
    return call("POST", path("/goog/cdp/execute"), req);
  }

  /** Emulates the system's light or dark theme, as `prefers-color-scheme` reads it. */
  void colorScheme(String scheme) throws Exception {
    ObjectNode params = JSON.createObjectNode();
    params.putArray("features").addObject().put("name", "prefers-color-scheme").put("value", scheme);
    devtools("Emulation.setEmulatedMedia", params);
  }

  /** WebDriver shoots the viewport only: grow the window until the whole page fits, then shoot. */
  void fullPageScreenshot(int width, Path png) throws Exception {
    resize(width, 800);
    for (int i = 0; i < 3; i++) {
      int missing = script("return document.documentElement.scrollHeight - window.innerHeight").asInt();
      if (missing <= 0) {
        break;
      }
      JsonNode rect = call("GET", path("/window/rect"), null);
      resize(width, Math.min(rect.path("height").asInt() + missing, 8000));
    }
    screenshot(png);
  }

  void screenshot(Path png) throws Exception {
    byte[] bytes = Base64.getDecoder().decode(call("GET", path("/screenshot"), null).asText());
    Files.createDirectories(png.getParent());
    Files.write(png, bytes);
  }

  private String path(String rest) {
    return "/session/" + session + rest;
  }

  /** One WebDriver command; returns its "value", throws with the driver's message on an error. */
  private JsonNode call(String method, String path, JsonNode body) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT)
        .header("Content-Type", "application/json");
    req.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode value = JSON.readTree(r.body()).path("value");
    if (r.statusCode() != 200) {
      throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + ": " + value);
    }
    return value;
  }

  @Override
  public void close() throws Exception {
    try {
      call("DELETE", path(""), null);
    } finally {
      driver.destroy();
      if (!driver.waitFor(10, TimeUnit.SECONDS)) {
        driver.destroyForcibly();
      }
      deleteProfile();
    }
  }

  /** Best effort: a file Chromium still holds only leaves a stray temp directory. */
  private void deleteProfile() throws IOException {
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
