package dev.lookout.source.nats;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one recorded scenario: one local HTTP server per recorded node answering with the
 * recorded bodies and codes. A node with a refused request (curl_rc=7) is not started, so its
 * port refuses; a timed-out request (curl_rc=28) hangs until the client gives up. Endpoints the
 * recording left out answer 404 "not recorded". {@code /streaming/channelsz?subs=1} falls back
 * to the recorded plain channelsz where only that was recorded.
 */
final class FixtureCluster implements AutoCloseable {
  private static final Pattern STATUS =
      Pattern.compile("^(n\\d+) (\\S+) http=(\\d+) curl_rc=(\\d+)");
  private static final Pattern FILE = Pattern.compile("^(n\\d+)_(.+)\\.json$");

  /** How a node absent from the recording behaved, as the scenario's name says. */
  enum Absent { DOWN, HUNG }

  private final Map<String, URI> urls = new TreeMap<>();
  private final List<HttpServer> servers = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fixture-http");
    t.setDaemon(true);
    return t;
  });

  FixtureCluster(String scenario, Map<String, Absent> absent) throws IOException {
    Path dir = dir(scenario);
    Map<String, Map<String, int[]>> status = status(dir);
    Set<String> nodes = new TreeSet<>(status.keySet());
    try (var files = Files.list(dir)) {
      files.map(p -> FILE.matcher(p.getFileName().toString()))
          .filter(Matcher::matches).forEach(m -> nodes.add(m.group(1)));
    }
    for (String node : nodes) {
      Map<String, int[]> codes = status.getOrDefault(node, Map.of());
      boolean refused = codes.values().stream().anyMatch(c -> c[1] == 7);
      urls.put(node, refused ? closedPort() : start(dir, node, codes, false));
    }
    for (Map.Entry<String, Absent> e : absent.entrySet()) {
      urls.put(e.getKey(), e.getValue() == Absent.DOWN ? closedPort()
          : start(dir, e.getKey(), Map.of(), true));
    }
  }

  static Path dir(String scenario) {
    try {
      return Path.of(FixtureCluster.class.getResource("/nats/" + scenario).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture " + scenario, e);
    }
  }

  Map<String, URI> urls() {
    return urls;
  }

  private static Map<String, Map<String, int[]>> status(Path dir) throws IOException {
    Map<String, Map<String, int[]>> byNode = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("_status.txt"))) {
      Matcher m = STATUS.matcher(line);
      if (m.find()) {
        byNode.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(m.group(2),
            new int[] {Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
      }
    }
    return byNode;
  }

  private URI start(Path dir, String node, Map<String, int[]> codes, boolean hangAll)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(pool);
    server.createContext("/", ex -> answer(ex, dir, node, codes, hangAll));
    server.start();
    servers.add(server);
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void answer(HttpExchange ex, Path dir, String node, Map<String, int[]> codes,
      boolean hangAll) throws IOException {
    try (ex) {
      String key = key(ex.getRequestURI());
      int[] code = codes.get(key);
      if (hangAll || code != null && code[1] == 28) {
        release.await(30, TimeUnit.SECONDS);
        return;
      }
      Path file = dir.resolve(node + "_" + key + ".json");
      if (!Files.exists(file) && key.equals("channelsz_subs")) {
        file = dir.resolve(node + "_channelsz.json");
      }
      boolean recorded = code != null || Files.exists(file);
      int http = code != null ? code[0] : Files.exists(file) ? 200 : 404;
      byte[] body = !recorded ? "not recorded".getBytes(StandardCharsets.UTF_8)
          : Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
      send(ex, http, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange ex, int http, byte[] body) throws IOException {
    boolean empty = http == 204 || body.length == 0;
    ex.sendResponseHeaders(http, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The recording's name for a request, e.g. "jsz" or "healthz_js_enabled_only". */
  static String key(URI uri) {
    String path = uri.getPath();
    String query = uri.getQuery() == null ? "" : uri.getQuery();
    return switch (path) {
      case "/jsz" -> query.contains("leader-only") ? "jsz_leader"
          : query.contains("streams") ? "jsz" : query.isEmpty() ? "jsz_plain" : "jsz_accounts";
      case "/healthz" -> query.contains("js-enabled-only") ? "healthz_js_enabled_only"
          : query.contains("js-server-only") ? "healthz_js_server_only" : "healthz";
      case "/streaming/channelsz" -> query.contains("subs=1") ? "channelsz_subs" : "channelsz";
      case "/streaming/clientsz" -> "clientsz_subs";
      default -> path.substring(path.lastIndexOf('/') + 1);
    };
  }

  private static URI closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    release.countDown();
    servers.forEach(s -> s.stop(0));
    pool.shutdownNow();
  }
}
