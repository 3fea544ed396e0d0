package dev.lookout.source.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.Test;

class SampleNamesTest {
  @Test
  void nameIsDomainKeyValuesInWrittenOrderAttributeAndCompositeKey() throws Exception {
    ObjectName bean = new ObjectName("kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec");
    assertEquals("kafka_server_BrokerTopicMetrics_BytesInPerSec_Count",
        SampleNames.name(bean, List.of("Count")));
    assertEquals("java_lang_Memory_HeapMemoryUsage_used",
        SampleNames.name(new ObjectName("java.lang:type=Memory"),
            List.of("HeapMemoryUsage", "used")));
    assertEquals(List.of("type", "name"), SampleNames.keys(bean));
  }

  @Test
  void unsafeCharactersBecomeOneUnderscore() throws Exception {
    ObjectName bean = new ObjectName("my-app:name=\"a, b=c\",path=/x/y,9x=1");
    assertEquals(List.of("name", "path", "9x"), SampleNames.keys(bean));
    assertEquals("my_app_a_b_c_x_y_1_Hit_Rate", SampleNames.name(bean, List.of("Hit Rate")));
    assertEquals(Map.of("name", "a, b=c", "path", "/x/y", "_9x", "1",
        "mbean", "my-app:9x=1,name=\"a, b=c\",path=/x/y"), SampleNames.labels(bean));
    assertEquals("_1st_", SampleNames.safe("1st.."));
  }

  @Test
  void numbersBooleansAndCompositeItemsAreSamplesOtherValuesAreNot() throws Exception {
    ObjectName bean = new ObjectName("app:type=Pool");
    Map<String, String> labels = Map.of("type", "Pool", "mbean", "app:type=Pool");
    CompositeType type = new CompositeType("Usage", "usage", new String[] {"used", "ok", "who"},
        new String[] {"u", "o", "w"},
        new OpenType<?>[] {SimpleType.LONG, SimpleType.BOOLEAN, SimpleType.STRING});
    List<Sample> out = new ArrayList<>();
    Flattener.flatten(bean, "Size", 3, out);
    Flattener.flatten(bean, "Open", false, out);
    Flattener.flatten(bean, "Name", "x", out);
    Flattener.flatten(bean, "Ids", new long[] {1}, out);
    Flattener.flatten(bean, "Gone", null, out);
    Flattener.flatten(bean, "Usage", new CompositeDataSupport(type,
        new String[] {"used", "ok", "who"}, new Object[] {7L, true, "me"}), out);
    assertEquals(List.of(new Sample("app_Pool_Size", labels, 3),
        new Sample("app_Pool_Open", labels, 0), new Sample("app_Pool_Usage_ok", labels, 1),
        new Sample("app_Pool_Usage_used", labels, 7)), out);
  }
}
