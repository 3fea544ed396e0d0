package dev.lookout.output.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Who may call what, over real HTTP: the admin token, basic-auth users, open probes, limits. */
class HttpSecurityTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN = "admin-t0ken-5e1f";
  private static final Map<String, String> USERS = Map.of("prometheus", "pr0m-pass", "grafana", "gr@f:ana");

  private final AtomicInteger reloads = new AtomicInteger();
  private HttpServer server;
  private int port;

  private void start(WebSecurity security) {
    server = new HttpServer("127.0.0.1", 0, SecurityFixtures.views(reloads), InstantSource.system(),
        security);
    port = server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void reloadNeedsTheBearerToken() throws Exception {
    start(new WebSecurity(Optional.of(TOKEN), Map.of(), Optional.empty(), false));
    HttpResponse<String> none = send("POST", "/-/reload", null);
    assertEquals(401, none.statusCode());
    assertEquals("Bearer realm=\"lookout\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
    HttpResponse<String> wrong = send("POST", "/-/reload", "Bearer " + TOKEN + "x");
    assertEquals(401, wrong.statusCode());
    assertEquals("Bearer realm=\"lookout\", error=\"invalid_token\"",
        wrong.headers().firstValue("WWW-Authenticate").orElse(""));
    assertEquals(401, send("POST", "/-/reload", basic("admin", TOKEN)).statusCode());
    assertEquals(0, reloads.get(), "no refused request reloaded anything");
    HttpResponse<String> right = send("POST", "/-/reload", "bearer " + TOKEN);
    assertEquals(200, right.statusCode());
    assertEquals(1, reloads.get());
    assertFalse(wrong.body().contains(TOKEN), "the answer does not echo the token");
  }

  @Test
  void everyMethodButGetAndHeadIsAnAdminCall() throws Exception {
    start(new WebSecurity(Optional.of(TOKEN), USERS, Optional.empty(), false));
    for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
      assertEquals(401, send(method, "/api/v1/alerts", null).statusCode(), method);
    }
    // A read user's password is not an admin credential.
    assertEquals(401, send("POST", "/-/reload", basic("prometheus", "pr0m-pass")).statusCode());
  }

  @Test
  void readsNeedAUserOnceUsersAreConfiguredButProbesStayOpen() throws Exception {
    start(new WebSecurity(Optional.of(TOKEN), USERS, Optional.empty(), false));
    for (String path : List.of("/", "/metrics", "/api/v1/alerts", "/api/v1/targets", "/runbooks/X.md")) {
      HttpResponse<String> none = send("GET", path, null);
      assertEquals(401, none.statusCode(), path);
      assertEquals("Basic realm=\"lookout\", charset=\"UTF-8\"",
          none.headers().firstValue("WWW-Authenticate").orElse(""), path);
      assertEquals(401, send("GET", path, basic("prometheus", "wrong")).statusCode(), path);
      assertEquals(401, send("GET", path, basic("nobody", "pr0m-pass")).statusCode(), path);
      assertEquals(401, send("GET", path, "Basic not-base64!").statusCode(), path);
      assertEquals(200, send("GET", path, basic("prometheus", "pr0m-pass")).statusCode(), path);
      assertEquals(200, send("GET", path, basic("grafana", "gr@f:ana")).statusCode(), path);
    }
    for (String probe : List.of("/-/healthy", "/-/ready", "/health")) {
      assertEquals(200, send("GET", probe, null).statusCode(), probe);
    }
  }

  @Test
  void withoutUsersReadsAreOpenAndWithoutATokenLoopbackMayReload() throws Exception {
    start(WebSecurity.OPEN);
    assertEquals(200, send("GET", "/metrics", null).statusCode());
    assertEquals(200, send("POST", "/-/reload", null).statusCode());
    assertEquals(1, reloads.get());
  }

  @Test
  void withoutATokenAdminCallsFromOtherHostsAreForbidden() {
    Access open = new Access(WebSecurity.OPEN);
    assertEquals(Access.Decision.ALLOWED, open.decide("POST", "/-/reload", null, "127.0.0.1"));
    assertEquals(Access.Decision.ALLOWED, open.decide("POST", "/-/reload", null, "::1"));
    assertEquals(Access.Decision.ADMIN_NOT_CONFIGURED, open.decide("POST", "/-/reload", null, "10.1.2.3"));
    assertEquals(Access.Decision.ADMIN_NOT_CONFIGURED,
        open.decide("POST", "/-/reload", "Bearer anything", "192.168.0.9"));
    assertEquals(Access.Decision.OPEN, open.decide("GET", "/metrics", null, "10.1.2.3"));
    Access guarded = new Access(new WebSecurity(Optional.of(TOKEN), Map.of(), Optional.empty(), false));
    // With a token, loopback is no exception: a local process is not trusted by where it runs.
    assertEquals(Access.Decision.NO_CREDENTIALS, guarded.decide("POST", "/-/reload", null, "127.0.0.1"));
  }

  @Test
  void withoutATokenAdminCallsFromAnotherAddressGet403WithoutAChallenge() throws Exception {
    Optional<InetAddress> own = ownNonLoopbackAddress();
    Assumptions.assumeTrue(own.isPresent(), "this machine has no non-loopback address");
    server = new HttpServer(own.get().getHostAddress(), 0, SecurityFixtures.views(reloads),
        InstantSource.system(), WebSecurity.OPEN);
    port = server.start();
    // Connecting to our own interface address comes from that address, not from loopback.
    URI uri = URI.create("http://" + own.get().getHostAddress() + ":" + port + "/-/reload");
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, answer.statusCode());
    assertTrue(answer.body().contains("web.admin.token_file"), answer.body());
    assertFalse(answer.headers().firstValue("WWW-Authenticate").isPresent());
    assertEquals(0, reloads.get());
  }

  private static Optional<InetAddress> ownNonLoopbackAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void hugeHeadersGet431AndBigBodiesGet413() throws Exception {
    start(new WebSecurity(Optional.of(TOKEN), Map.of(), Optional.empty(), false));
    HttpRequest hugeHeader = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .header("X-Filler", "a".repeat(Listener.MAX_HEADER_BYTES + 1)).build();
    assertEquals(431, HTTP.send(hugeHeader, HttpResponse.BodyHandlers.ofString()).statusCode());
    HttpRequest bigBody = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/reload"))
        .header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(Listener.MAX_BODY_BYTES + 1))).build();
    assertEquals(413, HTTP.send(bigBody, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(0, reloads.get(), "an oversized request reloads nothing");
    HttpRequest small = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/reload"))
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    assertEquals(200, HTTP.send(small, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertTrue(send("GET", "/metrics", null).headers().firstValue("Server").isEmpty(),
        "no server version is announced");
  }
}
