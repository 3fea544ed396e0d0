package dev.lookout.output.notify;

import dev.lookout.alerts.Alert;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The alerts waiting for one receiver. Bounded: when full, the oldest alerts make room, because
 * the agent re-sends what still fires and the newest state is the one worth delivering. A batch
 * taken by the sender no longer counts towards the capacity.
 */
final class AlertQueue {
  private final int capacity;
  private final Deque<Alert> alerts = new ArrayDeque<>();
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
   * Appends the alerts in order and returns how many old ones were dropped to make room. After
   * {@link #close()} nothing is taken in and every alert offered counts as dropped.
   */
  synchronized int offer(List<Alert> batch) {
    if (closed) {
      return batch.size();
    }
    alerts.addAll(batch);
    int dropped = 0;
    while (alerts.size() > capacity) {
      alerts.removeFirst();
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
    while (!closed && batch.size() < max && !alerts.isEmpty()) {
      batch.add(alerts.removeFirst());
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
