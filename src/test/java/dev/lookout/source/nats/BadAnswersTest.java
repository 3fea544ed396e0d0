package dev.lookout.source.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lookout.model.SourceError;
import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.nats.NatsServer.JszState;
import dev.lookout.model.nats.NatsServer.Reachability;
import dev.lookout.model.nats.NatsSnapshot;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers no recording shows: each costs its endpoint, named in an error, never the tick. */
class BadAnswersTest {
  private static final String VARZ = "{\"server_id\":\"NABC\",\"server_name\":\"s1\",\"routes\":2}";
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(pool);
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    pool.shutdownNow();
  }

  /** path → "code body"; "hang" never answers; unlisted paths answer 404. */
  private NatsSnapshot scrape(Map<String, String> answers) {
    server.createContext("/", ex -> {
      try (ex) {
        String a = answers.get(ex.getRequestURI().getPath());
        if ("hang".equals(a)) {
          release.await(10, TimeUnit.SECONDS);
          return;
        }
        int code = a == null ? 404 : Integer.parseInt(a.substring(0, 3));
        byte[] body = (a == null ? "404 page not found" : a.substring(4)).getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
          ex.getResponseBody().write(body);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try (NatsSource source = new NatsSource("t", List.of(url), Duration.ofMillis(1500), pool)) {
      long start = System.nanoTime();
      NatsSnapshot s = source.scrape(5L);
      assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(2500), "bounded by the deadline");
      return s;
    }
  }

  private static List<String> errors(NatsSnapshot s) {
    return s.errors().stream().map(Describe::error).toList();
  }

  @Test
  void varzAnswersButJszHangsIsItsOwnState() {
    NatsSnapshot s = scrape(Map.of("/varz", "200 " + VARZ, "/jsz", "hang"));
    NatsServer s1 = s.servers().get(0);
    assertEquals("s1", s1.name());
    assertEquals(Reachability.OK, s1.reachable());
    assertEquals(JszState.TIMEOUT, s1.jszState());
    assertEquals(List.of("s1 jsz timeout no answer"), errors(s));
  }

  @Test
  void textBodyWhereJsonBelongsIsBadResponseNamingServerAndEndpoint() {
    NatsSnapshot s = scrape(Map.of("/varz", "200 " + VARZ, "/jsz", "200 filtered response: not leader",
        "/healthz", "200 {\"status\":\"ok\"}"));
    assertEquals(JszState.ERROR, s.servers().get(0).jszState());
    SourceError e = s.errors().get(0);
    assertEquals("s1 jsz", e.what());
    assertEquals(SourceError.Reason.BAD_RESPONSE, e.reason());
    assertTrue(e.message().startsWith("not JSON"), e.message());
    assertTrue(s.servers().get(0).health().ok());
  }

  @Test
  void wrongShapesAreBadResponses() {
    NatsSnapshot s = scrape(Map.of("/varz", "200 {\"server_id\":5}",
        "/jsz", "200 {\"server_id\":\"N\",\"account_details\":[{\"name\":\"$G\",\"stream_detail\":\"x\"}]}",
        "/routez", "200 [1,2]", "/healthz", "500 oops"));
    NatsServer v = s.servers().get(0);
    assertEquals("127.0.0.1:" + server.getAddress().getPort(), v.name(), "label when /varz gives no name");
    assertEquals(Reachability.BAD_RESPONSE, v.reachable());
    assertFalse(v.varzOk());
    assertEquals(List.of(
        v.name() + " varz bad_response server_id is not a string: NUMBER",
        v.name() + " jsz bad_response stream_detail is not an array: STRING",
        v.name() + " healthz bad_response HTTP 500: oops",
        v.name() + " routez bad_response not a JSON object"), errors(s));
  }

  @Test
  void unsignedReservationsAndOmittedFields() {
    NatsSnapshot s = scrape(Map.of("/varz", "200 " + VARZ, "/jsz",
        "200 {\"server_id\":\"NABC\",\"config\":{\"max_storage\":1000},\"storage\":10,"
            + "\"reserved_storage\":18446744073709551615,\"meta_cluster\":{\"cluster_size\":3},"
            + "\"account_details\":[{\"name\":\"$G\",\"stream_detail\":[{\"name\":\"S\","
            + "\"cluster\":{\"leader\":\"s1\",\"replicas\":[{\"name\":\"s2\",\"active\":5}]},"
            + "\"state\":{\"messages\":3,\"first_seq\":1,\"last_seq\":3}}]}]}"));
    NatsServer v = s.servers().get(0);
    assertEquals(-1L, v.storage().storageReserved(), "uint64 max kept as its bits");
    assertEquals("18446744073709551615", Long.toUnsignedString(v.storage().storageReserved()));
    assertNull(v.metaLeader());
    var replica = s.stream("$G", "S").orElseThrow().replica("s2");
    assertEquals(Boolean.FALSE, replica.current(), "omitted current reads as false");
    assertEquals(0L, replica.lag());
    assertEquals(List.of(), s.errors());
  }

  @Test
  void streamingAnswersAndTheirAbsence() {
    NatsSnapshot plain = scrape(Map.of("/varz", "200 " + VARZ));
    assertFalse(plain.servers().get(0).isStan(), "404 on /streaming means no Streaming, not an error");
    assertEquals(JszState.ABSENT, plain.servers().get(0).jszState());
    assertEquals(List.of(), plain.errors());
  }

  @Test
  void ftStandbyAnswers204() {
    NatsSnapshot s = scrape(Map.of("/varz", "200 " + VARZ,
        "/streaming/serverz", "200 {\"state\":\"FT_STANDBY\"}", "/streaming/isFTActive", "204 ",
        "/streaming/channelsz", "200 {}", "/streaming/storez", "200 {\"type\":\"FILE\"}"));
    NatsServer.Stan stan = s.servers().get(0).stan();
    assertEquals(NatsServer.StanState.FT_STANDBY, stan.state());
    assertEquals(Boolean.FALSE, stan.ftActive());
    assertTrue(stan.channelsRead());
    assertEquals(List.of(), s.errors());
  }
}
