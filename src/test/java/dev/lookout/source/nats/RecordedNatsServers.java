package dev.lookout.source.nats;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The recorded healthy 3-server JetStream cluster served over real HTTP, one server per node,
 * each endpoint of which a test can make answer badly. For tests outside this package that run
 * the whole agent against it.
 */
public final class RecordedNatsServers implements AutoCloseable {
  private static final String SCENARIO = "jetstream-2.9.10/01_healthy";
  private static final List<String> NODES = List.of("n1", "n2", "n3");

  /** How an endpoint answers. */
  public enum Answer {
    RECORDED,
    /** Valid JSON of the wrong shape: another endpoint's recorded body. */
    WRONG_SHAPE,
    /** HTTP 500 with a plain-text body, as a proxy in front of a broken server would. */
    HTTP_500
  }

  private final Path dir = FixtureCluster.dir(SCENARIO);
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<URI> urls = new ArrayList<>();
  private final List<ServerSocket> stopped = new ArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "recorded-nats-http");
    t.setDaemon(true);
    return t;
  });

  public RecordedNatsServers() throws IOException {
    for (String node : NODES) {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(pool);
      server.createContext("/", ex -> answer(ex, node));
      server.start();
      servers.add(server);
      urls.add(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }
  }

  public List<URI> urls() {
    return List.copyOf(urls);
  }

  /** Node "n1".."n3" answers {@code endpoint} ("varz", "jsz", ... or "*" for all) that way. */
  public void answer(String node, String endpoint, Answer answer) {
    answers.put(node + " " + endpoint, answer);
  }

  private Answer answerFor(String node, String key) {
    Answer a = answers.get(node + " " + key);
    return a != null ? a : answers.getOrDefault(node + " *", Answer.RECORDED);
  }

  private void answer(HttpExchange ex, String node) throws IOException {
    try (ex) {
      String key = FixtureCluster.key(ex.getRequestURI());
      switch (answerFor(node, key)) {
        case HTTP_500 -> send(ex, 500, "internal error\n".getBytes(StandardCharsets.UTF_8));
        case WRONG_SHAPE -> send(ex, 200, Files.readAllBytes(dir.resolve(node
            + (key.equals("routez") ? "_varz.json" : "_routez.json"))));
        case RECORDED -> {
          Path file = dir.resolve(node + "_" + key + ".json");
          if (Files.exists(file)) {
            send(ex, 200, Files.readAllBytes(file));
          } else {
            send(ex, 404, "not recorded".getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    }
  }

  /**
   * The address of a stopped server (SIGSTOP): the kernel completes the handshake and queues the
   * request, nobody ever reads it. Unlike a handler that blocks, it holds no thread of the test.
   */
  public URI stoppedServer() throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    stopped.add(socket);
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  private static void send(HttpExchange ex, int code, byte[] body) throws IOException {
    ex.sendResponseHeaders(code, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
    for (ServerSocket socket : stopped) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a listening socket of a test; nothing to do about it
      }
    }
    pool.shutdownNow();
  }
}
