package dev.lookout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Path BASE = Path.of("/etc/lookout");
  private static final String MINIMAL =
      "cluster: demo\ntargets: [{name: r, type: restate, addresses: [\"http://h:1\"]}]\n";

  @Test
  void absentKeysTakeTheirDefaults() throws ConfigException {
    Config c = ConfigLoader.parse(MINIMAL, "lookout.yaml", BASE, Map.of());
    // Loopback unless the file says otherwise: a fresh install exposes nothing.
    assertEquals(new Listen("127.0.0.1", 9798), c.listen());
    assertEquals(Web.DEFAULT, c.web());
    assertEquals(new Scrape(Duration.ofSeconds(10), Duration.ofSeconds(3)), c.scrape());
    assertEquals(Path.of("/etc/lookout/data"), c.stateDir());
    assertEquals("", c.runbookBaseUrl());
    assertEquals(List.of(), c.ruleFiles());
    assertEquals(new Alerting(Duration.ofMinutes(1), List.of(), List.of()), c.alerting());
  }

  @Test
  void fullExampleMirrorsTheFile() throws Exception {
    Config c = ConfigFixturesTest.parse(ConfigFixturesTest.DIR.resolve("full.good.yaml"));
    Path base = ConfigFixturesTest.DIR.toAbsolutePath();
    assertEquals("demo", c.cluster());
    assertEquals("https://example.org/runbooks", c.runbookBaseUrl());
    assertEquals(List.of(
        new RestateTarget("restate", List.of(URI.create("http://127.0.0.1:5122"),
            URI.create("unix:///var/lib/restate/node-1/fabric.sock"))),
        new NatsTarget("nats", List.of(URI.create("http://10.0.0.7:8222")))), c.targets());
    assertEquals(List.of(base.resolve("rules/restate.yaml")), c.ruleFiles());
    assertEquals(base.resolve("data"), c.stateDir());
    assertEquals(new Alerting(Duration.ofMinutes(1),
        List.of(new Receiver(URI.create("http://127.0.0.1:9093"))),
        List.of(new Receiver(URI.create("http://127.0.0.1:5001/hook?token=s3cret")))),
        c.alerting());
  }

  @Test
  void receiversCarryCredentialsAndTimeouts() throws Exception {
    Config c = ConfigFixturesTest.parse(ConfigFixturesTest.DIR.resolve("receivers.good.yaml"));
    assertEquals(List.of(new Receiver(URI.create("http://127.0.0.1:9093")),
        new Receiver(URI.create("https://am.example.org"),
            new Credentials.Basic("lookout", "s3cret"), Duration.ofSeconds(3))),
        c.alerting().alertmanagers());
    assertEquals(List.of(new Receiver(URI.create("http://127.0.0.1:5001/hook"),
        new Credentials.Bearer("s3cret"), Duration.ofSeconds(10))), c.alerting().webhooks());
  }

  @Test
  void receiversNeverPrintTheirSecrets() {
    Receiver basic = new Receiver(URI.create("https://am.example.org:9093/am?token=s3cret#x"),
        new Credentials.Basic("lookout", "s3cret"), Duration.ofSeconds(3));
    Receiver bearer = new Receiver(URI.create("http://[::1]:5001/hook"),
        new Credentials.Bearer("s3cret"), Duration.ofSeconds(10));
    assertEquals("Receiver[url=https://am.example.org:9093/am?<redacted>, "
        + "credentials=Basic[username=lookout, password=<secret>], timeout=PT3S]", basic.toString());
    assertEquals("Receiver[url=http://[::1]:5001/hook, credentials=Bearer[token=<secret>], "
        + "timeout=PT10S]", bearer.toString());
    assertEquals("https://am.example.org:9093/am", basic.redactedUrl());
    assertEquals("Basic bG9va291dDpzM2NyZXQ=", basic.credentials().authorization().orElseThrow());
    assertEquals("Bearer s3cret", bearer.credentials().authorization().orElseThrow());
    assertEquals(java.util.Optional.empty(), Credentials.NONE.authorization());
    assertThrows(IllegalArgumentException.class, () -> new Receiver(URI.create("http://h"),
        Credentials.NONE, Duration.ZERO));
  }

  @Test
  void environmentReferencesAreReplacedOnce() throws ConfigException {
    String yaml = "cluster: ${C}-${C}\n"
        + "targets: [{name: r, type: restate, addresses: [\"http://h:1\"]}]\n";
    Config c = ConfigLoader.parse(yaml, "lookout.yaml", BASE, Map.of("C", "${X}"));
    assertEquals("${X}-${X}", c.cluster());
  }

  @Test
  void aDollarWithoutBraceIsKeptAsWritten() throws ConfigException {
    String yaml = MINIMAL.replace("demo", "cost$5");
    assertEquals("cost$5", ConfigLoader.parse(yaml, "f", BASE, Map.of()).cluster());
  }

  @Test
  void shippedDefaultConfigLoads() throws ConfigException {
    Path file = Path.of("agent/lookout.yaml");
    Config c = ConfigLoader.load(file, Map.of());
    assertEquals("demo", c.cluster());
    assertEquals(new Listen("127.0.0.1", 9798), c.listen());
    assertEquals(Scrape.DEFAULT, c.scrape());
    assertEquals(file.toAbsolutePath().getParent().resolve("data"), c.stateDir());
    assertEquals(List.of(new RestateTarget("restate",
        List.of(URI.create("http://127.0.0.1:5122")))), c.targets());
    Path dir = file.toAbsolutePath().getParent();
    assertEquals(List.of(dir.resolve("../rules/restate.yaml").normalize(),
        dir.resolve("../rules/nats.yaml").normalize()), c.ruleFiles());
    assertEquals("http://127.0.0.1:9798/runbooks", c.runbookBaseUrl());
  }

  @Test
  void loadResolvesPathsAgainstTheFilesDirectory(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("conf/lookout.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, MINIMAL + "state_dir: ../state\nrule_files: [r.yaml]\n");
    Config c = ConfigLoader.load(file, Map.of());
    assertEquals(dir.resolve("state").toAbsolutePath(), c.stateDir());
    assertEquals(List.of(dir.resolve("conf/r.yaml").toAbsolutePath()), c.ruleFiles());
  }

  @Test
  void aMissingFileIsOneProblemWithoutPosition(@TempDir Path dir) {
    Path file = dir.resolve("absent.yaml");
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(file, Map.of()));
    assertEquals(List.of(new Problem(file.toString(), 0, 0,
        "cannot read the config file: it does not exist")), e.problems());
    assertEquals(file + ": cannot read the config file: it does not exist", e.getMessage());
  }

  @Test
  void problemsPrintAsFileLineColumn() {
    assertEquals("a.yaml:3:13: bad", new Problem("a.yaml", 3, 13, "bad").toString());
  }

  @Test
  void recordsRejectInvalidValues() {
    assertThrows(IllegalArgumentException.class,
        () -> new Scrape(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    assertThrows(IllegalArgumentException.class, () -> new Listen("h", -1));
    assertThrows(IllegalArgumentException.class, () -> new Listen("h", 65536));
    RestateTarget t = new RestateTarget("a", List.of(URI.create("http://h:1")));
    assertThrows(IllegalArgumentException.class, () -> new Config("c", Listen.DEFAULT,
        Scrape.DEFAULT, BASE, "", List.of(t, t), List.of(), Alerting.DEFAULT));
  }

  @Test
  void unreadableTextIsReported(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'c', ':', ' ', (byte) 0xE9, '\n'});
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(file, Map.of()));
    assertEquals(file + ": cannot read the config file: it is not UTF-8 text", e.getMessage());
  }

  @Test
  void jmxTargetsMirrorTheFileAndHideThePassword() throws Exception {
    Config c = ConfigFixturesTest.parse(ConfigFixturesTest.DIR.resolve("jmx.good.yaml"));
    JmxTarget kafka = new JmxTarget("kafka",
        "service:jmx:rmi:///jndi/rmi://127.0.0.1:9999/jmxrmi",
        List.of(new JmxTarget.MBean("java.lang:type=Memory", List.of("HeapMemoryUsage")),
            JmxTarget.MBean.all("kafka.server:type=*,name=*"),
            JmxTarget.MBean.all("app:name=\"a,b\",*")),
        new Credentials.Basic("monitor", "s3cret"));
    JmxTarget plain = new JmxTarget("plain", "service:jmx:jmxmp://10.0.0.7:5555",
        List.of(JmxTarget.MBean.all("java.lang:*")), Credentials.NONE);
    assertEquals(List.of(kafka, plain), c.targets());
    String text = kafka.toString();
    assertEquals(false, text.contains("s3cret"), text);
    assertEquals(true, text.contains("password=<secret>"), text);
    assertThrows(IllegalArgumentException.class, () -> new JmxTarget("x", "service:jmx:a://b",
        List.of(), Credentials.NONE));
  }
}
