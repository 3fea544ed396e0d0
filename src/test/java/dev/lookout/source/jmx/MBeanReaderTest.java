package dev.lookout.source.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.model.Sample;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader against this JVM's own MBean server, in-process. */
class MBeanReaderTest {
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private ObjectName probe;

  @BeforeEach
  void register() throws Exception {
    probe = new ObjectName("lookout.reader:type=Probe,name=local");
    server.registerMBean(new ChildJvm.Probe(), probe);
  }

  @AfterEach
  void unregister() throws Exception {
    server.unregisterMBean(probe);
  }

  @Test
  void everyNumericAttributeWhenNoneAreNamedEachReadOnce() throws Exception {
    MBeanReader reader = new MBeanReader(List.of(
        new MBeanReader.Query(new ObjectName("lookout.reader:type=Probe,*"), List.of()),
        new MBeanReader.Query(new ObjectName("lookout.reader:*"), List.of("Count"))));
    MBeanReader.Result r = reader.read(server);
    Map<String, String> labels = Map.of("type", "Probe", "name", "local",
        "mbean", "lookout.reader:name=local,type=Probe");
    assertEquals(List.of(new Sample("lookout_reader_Probe_local_Count", labels, 42),
        new Sample("lookout_reader_Probe_local_Ratio", labels, 0.5),
        new Sample("lookout_reader_Probe_local_Up", labels, 1),
        new Sample("lookout_reader_Probe_local_Usage_committed", labels, 8),
        new Sample("lookout_reader_Probe_local_Usage_init", labels, 1),
        new Sample("lookout_reader_Probe_local_Usage_max", labels, 10),
        new Sample("lookout_reader_Probe_local_Usage_used", labels, 7)),
        r.samples().stream().sorted(java.util.Comparator.comparing(Sample::name)).toList());
    assertEquals(List.of(), r.errors());
  }

  @Test
  void namedAttributesOnlyAndUnknownOnesAreLeftOut() throws Exception {
    MBeanReader reader = new MBeanReader(List.of(new MBeanReader.Query(
        new ObjectName("java.lang:type=Memory"), List.of("HeapMemoryUsage", "NoSuchThing"))));
    MBeanReader.Result r = reader.read(server);
    assertEquals(List.of("java_lang_Memory_HeapMemoryUsage_committed",
        "java_lang_Memory_HeapMemoryUsage_init", "java_lang_Memory_HeapMemoryUsage_max",
        "java_lang_Memory_HeapMemoryUsage_used"), r.samples().stream().map(Sample::name).toList());
    assertTrue(r.samples().get(3).value() > 0);
    assertEquals(Map.of("type", "Memory", "mbean", "java.lang:type=Memory"),
        r.samples().get(3).labels());
  }
}
