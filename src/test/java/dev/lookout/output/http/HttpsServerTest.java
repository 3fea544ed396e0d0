package dev.lookout.output.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lookout.tls.TestCertificates;
import dev.lookout.tls.TlsMaterial;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over TLS with certificates made for the test, with and without client certificates. */
class HttpsServerTest {
  @TempDir
  static Path dir;
  private static TestCertificates certs;
  private HttpServer server;
  private int port;

  @BeforeAll
  static void makeCertificates() throws Exception {
    certs = TestCertificates.create(dir.resolve("tls"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void start(Optional<Path> clientCa) throws Exception {
    SSLContext tls = TlsMaterial.load(clientCa, Optional.of(certs.serverCert()),
        Optional.of(certs.serverKey())).sslContext();
    server = new HttpServer("127.0.0.1", 0, SecurityFixtures.views(new AtomicInteger()),
        InstantSource.system(), new WebSecurity(Optional.empty(), Map.of(), Optional.of(tls),
            clientCa.isPresent()));
    port = server.start();
  }

  private int get(String scheme, Optional<Path> ca, Optional<Path> cert, Optional<Path> key)
      throws Exception {
    SSLContext context = TlsMaterial.load(ca, cert, key).sslContext();
    HttpClient client = HttpClient.newBuilder().sslContext(context).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + "/metrics")).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void servesHttpsToClientsThatTrustItsCa() throws Exception {
    start(Optional.empty());
    assertEquals(200, get("https", Optional.of(certs.ca()), Optional.empty(), Optional.empty()));
    assertThrows(IOException.class, () -> get("https", Optional.of(certs.otherCa()), Optional.empty(),
        Optional.empty()), "a client trusting another CA refuses the server");
    assertThrows(IOException.class, () -> get("http", Optional.of(certs.ca()), Optional.empty(),
        Optional.empty()), "plain HTTP gets no answer on the TLS port");
  }

  @Test
  void withAClientCaOnlyClientsWithItsCertificatesGetIn() throws Exception {
    start(Optional.of(certs.ca()));
    assertEquals(200, get("https", Optional.of(certs.ca()), Optional.of(certs.clientCert()),
        Optional.of(certs.clientKey())));
    assertThrows(IOException.class, () -> get("https", Optional.of(certs.ca()), Optional.empty(),
        Optional.empty()), "no client certificate");
    assertThrows(IOException.class, () -> get("https", Optional.of(certs.ca()),
        Optional.of(certs.otherClientCert()), Optional.of(certs.otherClientKey())),
        "a client certificate from another CA");
  }
}
