package dev.lookout.source.jmx;

import dev.lookout.model.Sample;
import dev.lookout.model.SourceError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * One pass over the configured patterns on one connection. A failure of one MBean is an error
 * value and the pass goes on; an {@link IOException} means the connection is gone and ends it.
 */
final class MBeanReader {
  /** One configured pattern, parsed; no attributes means every readable one. */
  record Query(ObjectName pattern, List<String> attributes) {}

  /** What one pass read. */
  record Result(List<Sample> samples, List<SourceError> errors) {}

  private final List<Query> queries;

  MBeanReader(List<Query> queries) {
    this.queries = List.copyOf(queries);
  }

  Result read(MBeanServerConnection server) throws IOException {
    List<Sample> samples = new ArrayList<>();
    List<SourceError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Query q : queries) {
      // Sorted, so samples come out in the same order every tick.
      for (ObjectName bean : new TreeSet<>(server.queryNames(q.pattern(), null))) {
        try {
          readBean(server, bean, q.attributes(), seen, samples);
        } catch (InstanceNotFoundException gone) {
          // Unregistered between the query and the read: absent this tick, not an error.
        } catch (JMException | RuntimeException e) {
          errors.add(new SourceError(bean.getCanonicalName(), SourceError.Reason.BAD_RESPONSE,
              e.toString()));
        }
      }
    }
    return new Result(samples, errors);
  }

  private static void readBean(MBeanServerConnection server, ObjectName bean,
      List<String> configured, Set<String> seen, List<Sample> out)
      throws IOException, JMException {
    List<String> names = new ArrayList<>();
    for (String name : configured.isEmpty() ? readable(server, bean) : configured) {
      // Two patterns may match the same MBean: read each attribute once.
      if (seen.add(bean.getCanonicalName() + "\n" + name)) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      return;
    }
    // Attributes whose getter fails are left out of the list by the server, not thrown.
    for (Attribute a : server.getAttributes(bean, names.toArray(new String[0])).asList()) {
      Flattener.flatten(bean, a.getName(), a.getValue(), out);
    }
  }

  private static List<String> readable(MBeanServerConnection server, ObjectName bean)
      throws IOException, JMException {
    List<String> names = new ArrayList<>();
    for (MBeanAttributeInfo info : server.getMBeanInfo(bean).getAttributes()) {
      if (info.isReadable()) {
        names.add(info.getName());
      }
    }
    return names;
  }
}
