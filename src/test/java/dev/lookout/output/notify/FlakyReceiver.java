package dev.lookout.output.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a fixed loopback port that can be made to fail the way real ones do:
 * answer 500, stall past the sender's timeout (then answer 503, as a receiver that gave up), or
 * be down altogether (stopped, and started again on the same port). Only the messages it
 * answered with 200 count as delivered.
 */
final class FlakyReceiver implements AutoCloseable {
  enum Mode { ACCEPT, FAIL_500, STALL, DOWN }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final long stallMillis;
  private final List<JsonNode> delivered = new ArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();
  private ExecutorService executor;
  private HttpServer server;
  private volatile Mode mode = Mode.ACCEPT;

  FlakyReceiver(int port, long stallMillis) throws IOException {
    this.port = port;
    this.stallMillis = stallMillis;
    listen();
  }

  String url() {
    return "http://127.0.0.1:" + port + "/hook";
  }

  synchronized void mode(Mode next) throws IOException {
    if (next == Mode.DOWN && mode != Mode.DOWN) {
      server.stop(0);
      executor.shutdownNow();
    } else if (next != Mode.DOWN && mode == Mode.DOWN) {
      listen();
    }
    mode = next;
  }

  /** Messages answered with 200, in the order they arrived. */
  synchronized List<JsonNode> delivered() {
    return List.copyOf(delivered);
  }

  /** Requests that were answered with an error (500, or 503 after stalling). */
  int refused() {
    return refused.get();
  }

  private void listen() throws IOException {
    executor = Executors.newFixedThreadPool(4);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Mode now = mode;
    if (now == Mode.STALL) {
      sleep(stallMillis);
    }
    int status = now == Mode.ACCEPT ? 200 : now == Mode.FAIL_500 ? 500 : 503;
    if (status == 200) {
      synchronized (this) {
        delivered.add(JSON.readTree(body));
      }
    } else {
      refused.incrementAndGet();
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (mode != Mode.DOWN) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
