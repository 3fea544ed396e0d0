package dev.lookout.source.jmx;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import javax.management.ObjectName;

/**
 * The JVM a JMX target is read from in the end-to-end test: registers one MBean with known
 * values, says "ready" and sleeps until killed.
 */
public final class ChildJvm {
  /** The probe's attributes; an MXBean, so {@code Usage} travels as composite data. */
  public interface ProbeMXBean {
    long getCount();

    double getRatio();

    boolean isUp();

    String getLabel();

    MemoryUsage getUsage();
  }

  public static final class Probe implements ProbeMXBean {
    @Override
    public long getCount() {
      return 42;
    }

    @Override
    public double getRatio() {
      return 0.5;
    }

    @Override
    public boolean isUp() {
      return true;
    }

    @Override
    public String getLabel() {
      return "not a number";
    }

    @Override
    public MemoryUsage getUsage() {
      return new MemoryUsage(1, 7, 8, 10);
    }
  }

  public static void main(String[] args) throws Exception {
    ManagementFactory.getPlatformMBeanServer().registerMBean(new Probe(),
        new ObjectName("lookout.test:type=Probe,name=child"));
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
