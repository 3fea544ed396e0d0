package dev.lookout.output.jmx;

import java.util.List;

/** Active alerts as JMX shows them. */
public interface AlertsMXBean {
  int getFiringCount();

  int getPendingCount();

  /** Pending and firing alerts, firing first. */
  List<AlertInfo> getActiveAlerts();
}
