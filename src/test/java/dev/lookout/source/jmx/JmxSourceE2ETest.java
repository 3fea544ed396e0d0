package dev.lookout.source.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.Credentials;
import dev.lookout.config.JmxTarget;
import dev.lookout.model.JmxSnapshot;
import dev.lookout.model.Sample;
import dev.lookout.model.SourceError;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link JmxSource} reading a real second JVM over JMX RMI, then that JVM hung and killed. */
@Tag("e2e")
class JmxSourceE2ETest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Map<String, String> PROBE = Map.of("type", "Probe", "name", "child",
      "mbean", "lookout.test:name=child,type=Probe");

  private Process child;
  private ExecutorService executor;
  private JmxSource source;

  @BeforeEach
  void start() throws Exception {
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    String classes = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI()).toString();
    child = new ProcessBuilder(java, "-Xmx64m",
        "-Dcom.sun.management.jmxremote.port=" + port,
        "-Dcom.sun.management.jmxremote.rmi.port=" + port,
        "-Dcom.sun.management.jmxremote.authenticate=false",
        "-Dcom.sun.management.jmxremote.ssl=false",
        "-Djava.rmi.server.hostname=127.0.0.1",
        "-Dcom.sun.management.jmxremote.host=127.0.0.1",
        "-cp", classes, ChildJvm.class.getName())
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", out.readLine(), "child JVM did not start");
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "jmx-test");
      t.setDaemon(true);
      return t;
    });
    JmxTarget target = new JmxTarget("child",
        "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi",
        List.of(JmxTarget.MBean.all("lookout.test:type=Probe,*"),
            new JmxTarget.MBean("java.lang:type=Memory", List.of("HeapMemoryUsage"))),
        Credentials.NONE);
    source = new JmxSource(target, TIMEOUT, executor);
  }

  @AfterEach
  void stop() throws Exception {
    signal("CONT");
    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    source.close();
    executor.shutdownNow();
  }

  @Test
  void readsTheChildsMBeansWithExactNamesLabelsAndValues() {
    JmxSnapshot s = source.scrape(1_000);
    assertEquals(List.of(), s.errors());
    assertEquals("child", s.target());
    assertEquals(1_000, s.atMillis());
    List<Sample> probe = s.samples().stream().filter(x -> x.name().startsWith("lookout_test"))
        .toList();
    assertEquals(List.of(new Sample("lookout_test_Probe_child_Count", PROBE, 42),
        new Sample("lookout_test_Probe_child_Ratio", PROBE, 0.5),
        new Sample("lookout_test_Probe_child_Up", PROBE, 1),
        new Sample("lookout_test_Probe_child_Usage_committed", PROBE, 8),
        new Sample("lookout_test_Probe_child_Usage_init", PROBE, 1),
        new Sample("lookout_test_Probe_child_Usage_max", PROBE, 10),
        new Sample("lookout_test_Probe_child_Usage_used", PROBE, 7)),
        probe.stream().sorted(java.util.Comparator.comparing(Sample::name)).toList());
    Sample heap = s.samples().stream()
        .filter(x -> x.name().equals("java_lang_Memory_HeapMemoryUsage_used")).findFirst()
        .orElseThrow();
    assertEquals(Map.of("type", "Memory", "mbean", "java.lang:type=Memory"), heap.labels());
    assertTrue(heap.value() > 0 && heap.value() <= 64L * 1024 * 1024, "heap " + heap.value());
    assertEquals(11, s.samples().size());
  }

  @Test
  void aStoppedJvmTimesOutWithinTheTimeoutAndRecoversWhenContinued() throws Exception {
    assertEquals(List.of(), source.scrape(0).errors());
    signal("STOP");
    for (int i = 0; i < 2; i++) {
      long start = System.nanoTime();
      JmxSnapshot s = source.scrape(1_000 + i);
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tookMillis <= TIMEOUT.toMillis() + 500, "scrape took " + tookMillis + "ms");
      assertEquals(List.of(SourceError.Reason.TIMEOUT), reasons(s), s.errors().toString());
      assertEquals(List.of(), s.samples());
    }
    signal("CONT");
    JmxSnapshot s = source.scrape(3_000);
    assertEquals(List.of(), s.errors());
    assertEquals(11, s.samples().size());
  }

  @Test
  void aKilledJvmIsUnreachableAndNothingThrows() throws Exception {
    assertEquals(List.of(), source.scrape(0).errors());
    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    for (int i = 0; i < 2; i++) {
      long start = System.nanoTime();
      JmxSnapshot s = source.scrape(1_000 + i);
      assertTrue(System.nanoTime() - start <= TIMEOUT.toNanos() + 500_000_000L);
      assertEquals(List.of(SourceError.Reason.UNREACHABLE), reasons(s), s.errors().toString());
    }
  }

  private static List<SourceError.Reason> reasons(JmxSnapshot s) {
    return s.errors().stream().map(SourceError::reason).toList();
  }

  private void signal(String name) throws Exception {
    if (child.isAlive()) {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(child.pid())).start();
      assertEquals(0, kill.waitFor());
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
