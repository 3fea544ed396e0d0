package dev.lookout.source.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.SourceError;
import dev.lookout.model.nats.NatsSnapshot;
import dev.lookout.model.nats.NatsServer.Reachability;
import dev.lookout.tls.TestCertificates;
import dev.lookout.tls.TlsMaterial;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
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
 * A real nats-server whose monitoring port speaks only HTTPS with a certificate from the test CA:
 * read with that CA and a client certificate, refused with another CA or the JDK's defaults.
 * (nats-server 2.9 asks no client certificate on its monitoring port, even with {@code verify};
 * refused client certificates are covered against gRPC's and the agent's own servers.)
 */
class NatsTlsTest {
  private static final int CLIENT_PORT = 21030;
  private static final int HTTPS_PORT = 21031;
  private static final URI SERVER = URI.create("https://127.0.0.1:" + HTTPS_PORT);

  @TempDir
  static Path dir;
  private static TestCertificates certs;
  private static Process nats;
  private static final ExecutorService IO = Executors.newCachedThreadPool();

  @BeforeAll
  static void startNats() throws Exception {
    certs = TestCertificates.create(dir.resolve("tls"));
    Path conf = dir.resolve("nats.conf");
    Files.writeString(conf, """
        server_name: tls-1
        port: %d
        https_port: %d
        tls {
          cert_file: "%s"
          key_file: "%s"
          ca_file: "%s"
          verify: true
        }
        """.formatted(CLIENT_PORT, HTTPS_PORT, certs.serverCert(), certs.serverKey(), certs.ca()));
    nats = new ProcessBuilder(NatsTestCluster.BINARY.toString(), "-c", conf.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("nats.log").toFile()).start();
    awaitListening(HTTPS_PORT);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    nats.destroy();
    nats.waitFor(5, TimeUnit.SECONDS);
    IO.shutdownNow();
  }

  private static void awaitListening(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline || !nats.isAlive()) {
          throw new IllegalStateException("nats-server did not start: "
              + Files.readString(dir.resolve("nats.log")));
        }
        Thread.sleep(100);
      }
    }
  }

  private static NatsSnapshot scrape(Optional<Path> ca, Optional<Path> cert, Optional<Path> key)
      throws Exception {
    TlsMaterial tls = TlsMaterial.load(ca, cert, key);
    try (NatsSource source = NatsSource.withTls("tls", List.of(SERVER), Duration.ofSeconds(10), IO,
        Optional.of(tls.sslContext()))) {
      return source.scrape(System.currentTimeMillis());
    }
  }

  @Test
  void readsTheMonitoringPortOverTlsWithAClientCertificate() throws Exception {
    NatsSnapshot s = scrape(Optional.of(certs.ca()), Optional.of(certs.clientCert()),
        Optional.of(certs.clientKey()));
    assertEquals(1, s.servers().size());
    assertEquals(Reachability.OK, s.servers().get(0).reachable(), "errors: " + s.errors());
    assertEquals("tls-1", s.servers().get(0).name());
    assertTrue(s.errors().stream().noneMatch(e -> e.reason() == SourceError.Reason.TLS), "errors: " + s.errors());
  }

  @Test
  void aWrongCaOrTheDefaultCasAreATlsErrorOfTheTarget() throws Exception {
    List<NatsSnapshot> refused = List.of(
        scrape(Optional.of(certs.otherCa()), Optional.of(certs.clientCert()), Optional.of(certs.clientKey())),
        scrape(Optional.empty(), Optional.of(certs.clientCert()), Optional.of(certs.clientKey())));
    for (NatsSnapshot s : refused) {
      assertFalse(s.readOk(), "errors: " + s.errors());
      assertFalse(s.errors().isEmpty());
      assertTrue(s.errors().stream().allMatch(e -> e.reason() == SourceError.Reason.TLS),
          "errors: " + s.errors());
      assertTrue(s.errors().get(0).message().startsWith("TLS handshake failed"), s.errors().get(0).message());
    }
  }
}
