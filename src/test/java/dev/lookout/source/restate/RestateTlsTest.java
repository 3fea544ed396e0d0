package dev.lookout.source.restate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.RestateSnapshot;
import dev.lookout.model.SourceError;
import dev.lookout.tls.TestCertificates;
import dev.lookout.tls.TlsMaterial;
import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.TlsServerCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gRPC control calls over TLS with a client certificate. Restate itself serves no TLS, so a
 * node answering the recorded cluster is served by gRPC's own Netty server behind TLS that
 * requires a client certificate from the test CA, as a TLS-terminating proxy in front of a node
 * would.
 */
class RestateTlsTest {
  private static final int PORT = 21010;
  private static final URI ADDRESS = URI.create("https://127.0.0.1:" + PORT);

  @TempDir
  static Path dir;
  private static TestCertificates certs;
  private static Server server;
  private static final ExecutorService IO = Executors.newCachedThreadPool();

  @BeforeAll
  static void serveOverTls() throws Exception {
    certs = TestCertificates.create(dir.resolve("tls"));
    TlsServerCredentials.Builder tls = TlsServerCredentials.newBuilder()
        .keyManager(certs.serverCert().toFile(), certs.serverKey().toFile())
        .trustManager(certs.ca().toFile())
        .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    FakeNode node = new FakeNode(1, 3, "127.0.0.1:" + PORT, Recording.healthy());
    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(PORT, tls.build());
    node.services().forEach(builder::addService);
    server = builder.build().start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    IO.shutdownNow();
  }

  private static RestateSnapshot scrape(Optional<Path> ca, Optional<Path> cert, Optional<Path> key)
      throws Exception {
    TlsMaterial tls = TlsMaterial.load(ca, cert, key);
    try (RestateSource source = new RestateSource("tls", List.of(ADDRESS), Duration.ofSeconds(5), IO,
        Optional.of(tls))) {
      return source.scrape(System.currentTimeMillis());
    }
  }

  private static List<SourceError> tlsErrors(RestateSnapshot s) {
    return s.errors().stream().filter(e -> e.reason() == SourceError.Reason.TLS).toList();
  }

  @Test
  void readsTheClusterOverTlsWithAClientCertificate() throws Exception {
    RestateSnapshot s = scrape(Optional.of(certs.ca()), Optional.of(certs.clientCert()),
        Optional.of(certs.clientKey()));
    assertTrue(s.tablesRead(), "cluster tables read over TLS: " + s.errors());
    assertFalse(s.nodes().isEmpty());
    assertTrue(s.errors().stream().noneMatch(e -> e.what().contains(":" + PORT + " GetIdent")
        || e.what().startsWith("N1 GetIdent")), "the TLS node answered GetIdent: " + s.errors());
  }

  @Test
  void aWrongCaIsATlsErrorOfTheTargetNotACrash() throws Exception {
    RestateSnapshot s = scrape(Optional.of(certs.otherCa()), Optional.of(certs.clientCert()),
        Optional.of(certs.clientKey()));
    assertFalse(s.tablesRead());
    List<SourceError> tls = tlsErrors(s);
    assertFalse(tls.isEmpty(), "a TLS error is reported: " + s.errors());
    assertTrue(tls.get(0).message().startsWith("TLS handshake failed: PKIX path building failed"),
        tls.get(0).message());
  }

  @Test
  void aMissingClientCertificateIsATlsErrorToo() throws Exception {
    RestateSnapshot s = scrape(Optional.of(certs.ca()), Optional.empty(), Optional.empty());
    assertFalse(s.tablesRead());
    assertFalse(tlsErrors(s).isEmpty(), "a TLS error is reported: " + s.errors());
  }
}
