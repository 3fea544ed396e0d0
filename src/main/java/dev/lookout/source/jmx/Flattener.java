package dev.lookout.source.jmx;

import dev.lookout.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Turns one attribute value into samples: a number as is, a boolean as 1 or 0, composite data
 * one sample per numeric item (recursively, keys in the type's sorted order). Anything else
 * (strings, arrays, tabular data, null) is skipped, as it has no single numeric value.
 */
final class Flattener {
  private Flattener() {}

  static void flatten(ObjectName bean, String attribute, Object value, List<Sample> out) {
    List<String> path = new ArrayList<>();
    path.add(attribute);
    flatten(bean, SampleNames.labels(bean), path, value, out);
  }

  private static void flatten(ObjectName bean, Map<String, String> labels, List<String> path,
      Object value, List<Sample> out) {
    if (value instanceof Number n) {
      out.add(new Sample(SampleNames.name(bean, path), labels, n.doubleValue()));
    } else if (value instanceof Boolean b) {
      out.add(new Sample(SampleNames.name(bean, path), labels, b ? 1 : 0));
    } else if (value instanceof CompositeData c) {
      for (String key : c.getCompositeType().keySet()) {
        path.add(key);
        flatten(bean, labels, path, c.get(key), out);
        path.remove(path.size() - 1);
      }
    }
  }
}
