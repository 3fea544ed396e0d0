package dev.lookout.config;

import java.util.List;
import java.util.Objects;

/**
 * A JVM whose MBeans are read through a JMX connector, e.g.
 * {@code service:jmx:rmi:///jndi/rmi://127.0.0.1:9999/jmxrmi}. Each {@link MBean} names an
 * object-name pattern and the attributes to read from every MBean it matches. The credentials
 * are {@link Credentials#NONE} or {@link Credentials.Basic}, whose password never prints.
 */
public record JmxTarget(String name, String url, List<MBean> mbeans, Credentials credentials)
    implements Target {
  public JmxTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(credentials, "credentials");
    mbeans = List.copyOf(mbeans);
    if (mbeans.isEmpty()) {
      throw new IllegalArgumentException("jmx target " + name + " needs an mbean pattern");
    }
    if (credentials instanceof Credentials.Bearer) {
      throw new IllegalArgumentException("jmx target " + name + " takes a username and password");
    }
  }

  /** Attributes read from each match of {@code pattern}; an empty list reads every numeric one. */
  public record MBean(String pattern, List<String> attributes) {
    public MBean {
      Objects.requireNonNull(pattern, "pattern");
      attributes = List.copyOf(attributes);
    }

    public static MBean all(String pattern) {
      return new MBean(pattern, List.of());
    }
  }
}
