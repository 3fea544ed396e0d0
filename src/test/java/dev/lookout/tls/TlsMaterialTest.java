package dev.lookout.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM files read with the JDK alone; every unusable file is named without quoting its contents. */
class TlsMaterialTest {
  @TempDir
  static Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void makeCertificates() throws Exception {
    certs = TestCertificates.create(dir.resolve("tls"));
  }

  @Test
  void loadsCaCertificateAndKey() throws Exception {
    TlsMaterial m = TlsMaterial.load(Optional.of(certs.ca()), Optional.of(certs.clientCert()),
        Optional.of(certs.clientKey()));
    assertTrue(m.hasCustomTrust());
    assertTrue(m.hasKey());
    assertEquals("TLS", m.sslContext().getProtocol());
    TlsMaterial defaults = TlsMaterial.load(Optional.empty(), Optional.empty(), Optional.empty());
    assertFalse(defaults.hasCustomTrust());
    assertFalse(defaults.hasKey());
  }

  @Test
  void loadsRsaKeysToo() throws Exception {
    Path key = dir.resolve("rsa.key");
    Path cert = dir.resolve("rsa.crt");
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
        "-out", cert.toString(), "-days", "1", "-subj", "/CN=rsa");
    assertTrue(TlsMaterial.load(Optional.empty(), Optional.of(cert), Optional.of(key)).hasKey());
  }

  @Test
  void aTraditionalKeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
    Path traditional = dir.resolve("traditional.key");
    run("openssl", "ec", "-in", certs.clientKey().toString(), "-out", traditional.toString());
    TlsException e = assertThrows(TlsException.class, () -> TlsMaterial.load(Optional.empty(),
        Optional.of(certs.clientCert()), Optional.of(traditional)));
    assertEquals("key file: the key is a \"EC PRIVATE KEY\" block; write it as unencrypted PKCS#8 "
        + "(openssl pkcs8 -topk8 -nocrypt -in old.key -out new.key)", e.getMessage());
    assertNoKeyText(e.getMessage(), traditional);
  }

  @Test
  void unusableFilesAreNamedByRole() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a pem\n");
    assertEquals("CA file: not a PEM certificate file (No certificate data found)",
        message(Optional.of(garbage), Optional.empty(), Optional.empty()));
    assertEquals("key file: no PEM private key in the file",
        message(Optional.empty(), Optional.of(certs.clientCert()), Optional.of(garbage)));
    assertEquals("CA file: cannot read the certificate file (NoSuchFileException)",
        message(Optional.of(dir.resolve("absent.crt")), Optional.empty(), Optional.empty()));
    assertEquals("a certificate and its key go together: set both or neither",
        message(Optional.empty(), Optional.of(certs.clientCert()), Optional.empty()));
    // A key where the certificate belongs: nothing of the key shows in the message.
    String keyAsCert = message(Optional.of(certs.clientKey()), Optional.empty(), Optional.empty());
    assertTrue(keyAsCert.startsWith("CA file: "), keyAsCert);
    assertNoKeyText(keyAsCert, certs.clientKey());
  }

  private static String message(Optional<Path> ca, Optional<Path> cert, Optional<Path> key) {
    return assertThrows(TlsException.class, () -> TlsMaterial.load(ca, cert, key)).getMessage();
  }

  private static void assertNoKeyText(String message, Path key) throws Exception {
    for (String line : Files.readAllLines(key)) {
      if (!line.startsWith("-----")) {
        assertFalse(message.contains(line.substring(0, 16)), "key text in: " + message);
      }
    }
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command));
  }
}
