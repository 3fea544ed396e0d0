package dev.lookout.output.notify;

import dev.lookout.alerts.Alert;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts waiting for one receiver, at most one per alert: a newer state of an alert already
 * waiting (a re-send, its resolution) replaces the older one in its place in line, since only
 * the newest state is worth delivering. So while a receiver is down the queue grows with the
 * number of distinct alerts, not with every re-send, and an outage of any length loses nothing
 * as long as that number stays within the capacity. Beyond it the oldest make room, because
 * the agent re-sends what still fires. A batch taken by the sender no longer counts.
 */
final class AlertQueue {
  private final int capacity;
  private final LinkedHashMap<Map<String, String>, Alert> alerts = new LinkedHashMap<>();
  private boolean closed;

  AlertQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queue capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  int capacity() {
    return capacity;
  }

  synchronized int size() {
    return alerts.size();
  }

  /**
   * Adds the alerts, each replacing a waiting older state of itself, and returns how many old
   * ones were dropped to make room. After {@link #close()} nothing is taken in and every alert
   * offered counts as dropped.
   */
  synchronized int offer(List<Alert> batch) {
    if (closed) {
      return batch.size();
    }
    batch.forEach(alert -> alerts.put(alert.labels(), alert));
    int dropped = 0;
    Iterator<Alert> oldest = alerts.values().iterator();
    while (alerts.size() > capacity) {
      oldest.next();
      oldest.remove();
      dropped++;
    }
    notifyAll();
    return dropped;
  }

  /** Up to {@code max} of the oldest alerts, waiting for one; empty once closed. */
  synchronized List<Alert> take(int max) throws InterruptedException {
    while (alerts.isEmpty() && !closed) {
      wait();
    }
    List<Alert> batch = new ArrayList<>(Math.min(max, alerts.size()));
    Iterator<Alert> oldest = alerts.values().iterator();
    while (!closed && batch.size() < max && oldest.hasNext()) {
      batch.add(oldest.next());
      oldest.remove();
    }
    return batch;
  }

  /** Stops the queue and hands back how many alerts were still waiting. */
  synchronized int close() {
    closed = true;
    int left = alerts.size();
    alerts.clear();
    notifyAll();
    return left;
  }
}
