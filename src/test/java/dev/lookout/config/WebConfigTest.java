package dev.lookout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lookout.tls.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web section and the tls blocks: files read relative to the config, every problem placed. */
class WebConfigTest {
  private static final Map<String, String> ENV = Map.of("ADMIN_TOKEN", "t0ken", "PW", "pw-1");

  @TempDir
  static Path dir;

  @BeforeAll
  static void files() throws Exception {
    TestCertificates.create(dir.resolve("tls"));
    Files.writeString(dir.resolve("grafana-password"), "pw-2\n");
    Files.writeString(dir.resolve("empty"), "\n");
  }

  private static Config parse(String yaml) throws ConfigException {
    return ConfigLoader.parse(yaml, "lookout.yaml", dir, ENV);
  }

  @Test
  void bindsTlsTokenAndUsers() throws Exception {
    Config c = parse("""
        cluster: demo
        targets:
          - {name: r, type: restate, addresses: ["https://h:5122"], tls: {ca_file: tls/ca.crt}}
          - {name: n, type: nats, servers: ["https://h:8222"]}
        alerting:
          alertmanagers: [{url: "https://am:9093", tls: {ca_file: tls/ca.crt, cert_file: tls/client.crt, key_file: tls/client.key}}]
        web:
          tls: {cert_file: tls/server.crt, key_file: tls/server.key, client_ca_file: tls/ca.crt}
          admin: {token: "${ADMIN_TOKEN}"}
          basic_auth:
            - {username: prometheus, password: "${PW}"}
            - {username: grafana, password_file: grafana-password}
        """);
    Web web = c.web();
    assertEquals(Optional.of("t0ken"), web.adminToken());
    assertEquals(List.of(new Web.User("prometheus", "pw-1"), new Web.User("grafana", "pw-2")), web.users());
    assertEquals(Optional.of(dir.resolve("tls/ca.crt")), web.tls().orElseThrow().caFile());
    assertEquals(Optional.of(dir.resolve("tls/ca.crt")),
        ((RestateTarget) c.targets().get(0)).tls().orElseThrow().caFile());
    // https:// without a tls block: the JDK's default CAs.
    assertEquals(Optional.of(TlsFiles.DEFAULTS), ((NatsTarget) c.targets().get(1)).tls());
    assertEquals(Optional.of(dir.resolve("tls/client.key")),
        c.alerting().alertmanagers().get(0).tls().orElseThrow().keyFile());
    String printed = c.toString();
    for (String secret : List.of("t0ken", "pw-1", "pw-2", "client.key", "server.key")) {
      assertFalse(printed.contains(secret), secret + " in " + printed);
    }
  }

  @Test
  void reportsEveryProblemWithItsPosition() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse("""
        cluster: demo
        targets:
          - {name: r, type: restate, addresses: ["http://h:5122"], tls: {ca_file: tls/ca.crt}}
          - {name: n, type: nats, servers: ["https://h:8222"], tls: {ca_file: tls/absent.crt}}
        alerting:
          webhooks: [{url: "http://h/hook", tls: {ca_file: tls/ca.crt}}]
        web:
          tls: {cert_file: tls/server.crt, key_file: tls/ca.crt}
          admin: {token: x, token_file: empty}
          basic_auth:
            - {username: "a:b", password: x}
            - {username: p, password_file: empty}
            - {username: q}
            - {username: q, password: y, realm: z}
            - {username: q, password: y}
          port: 9798
        """));
    assertEquals(String.join("\n",
        "lookout.yaml:3:65: targets[0]: TLS is used for every address of a target; write each http:// address as https://",
        "lookout.yaml:4:61: targets[1].tls: CA file: cannot read the certificate file (NoSuchFileException)",
        "lookout.yaml:6:37: alerting.webhooks[0].tls: is only used for an https:// url (write the url as https://...)",
        "lookout.yaml:8:8: web.tls: key file: the key is a \"CERTIFICATE\" block; write it as unencrypted "
            + "PKCS#8 (openssl pkcs8 -topk8 -nocrypt -in old.key -out new.key)",
        "lookout.yaml:9:21: web.admin: token and token_file cannot both be set (keep one)",
        "lookout.yaml:11:18: web.basic_auth[0].username: must not contain \":\" (basic auth splits on it)",
        "lookout.yaml:12:36: web.basic_auth[1].password_file: " + dir.resolve("empty") + " is empty",
        "lookout.yaml:13:7: web.basic_auth[2]: missing password or password_file (write e.g. password_file: secrets/password)",
        "lookout.yaml:14:34: unknown key \"realm\" in web.basic_auth[3] (expected one of: username, password, password_file)",
        "lookout.yaml:15:7: web.basic_auth[4]: user \"q\" is listed twice",
        "lookout.yaml:16:3: unknown key \"port\" in web (expected one of: tls, admin, basic_auth)"),
        e.getMessage());
  }
}
