package dev.lookout.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made fresh by the {@code openssl} CLI for one test: a CA, a server certificate
 * for {@code localhost} and {@code 127.0.0.1} signed by it, a client certificate signed by it,
 * and a second CA that signed nothing here (the "wrong CA"). Keys are unencrypted PKCS#8 EC P-256,
 * as {@code openssl genpkey} writes them.
 */
public final class TestCertificates {
  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  public static TestCertificates create(Path dir) throws IOException, InterruptedException {
    TestCertificates certs = new TestCertificates(Files.createDirectories(dir));
    certs.ca("ca");
    certs.ca("other-ca");
    certs.signed("server", "ca", "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
        + "extendedKeyUsage=serverAuth\n");
    certs.signed("client", "ca", "extendedKeyUsage=clientAuth\n");
    certs.signed("other-client", "other-ca", "extendedKeyUsage=clientAuth\n");
    return certs;
  }

  public Path ca() {
    return dir.resolve("ca.crt");
  }

  public Path otherCa() {
    return dir.resolve("other-ca.crt");
  }

  public Path serverCert() {
    return dir.resolve("server.crt");
  }

  public Path serverKey() {
    return dir.resolve("server.key");
  }

  public Path clientCert() {
    return dir.resolve("client.crt");
  }

  public Path clientKey() {
    return dir.resolve("client.key");
  }

  /** A client certificate no server here trusts. */
  public Path otherClientCert() {
    return dir.resolve("other-client.crt");
  }

  public Path otherClientKey() {
    return dir.resolve("other-client.key");
  }

  private void ca(String name) throws IOException, InterruptedException {
    key(name);
    openssl("req", "-x509", "-new", "-key", name + ".key", "-out", name + ".crt", "-days", "2",
        "-subj", "/CN=Lookout test " + name, "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  }

  private void signed(String name, String ca, String extensions)
      throws IOException, InterruptedException {
    key(name);
    openssl("req", "-new", "-key", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
    Files.writeString(dir.resolve(name + ".ext"), extensions);
    openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key",
        "-CAcreateserial", "-out", name + ".crt", "-days", "2", "-extfile", name + ".ext");
  }

  private void key(String name) throws IOException, InterruptedException {
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
        name + ".key");
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
    }
  }
}
