package dev.lookout.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The last few snapshots of one target, bounded both by count and by age, so that rates and
 * changes can be computed without keeping long-term data. Not thread-safe: one tick owns it.
 */
public final class History<T> {
  private final int capacity;
  private final long maxAgeMillis;
  private final ToLongFunction<T> timeOf;
  private final Deque<T> entries = new ArrayDeque<>();

  public History(int capacity, long maxAgeMillis, ToLongFunction<T> timeOf) {
    if (capacity < 1 || maxAgeMillis < 1) {
      throw new IllegalArgumentException("history needs capacity >= 1 and a positive age, got "
          + capacity + " and " + maxAgeMillis + " ms");
    }
    this.capacity = capacity;
    this.maxAgeMillis = maxAgeMillis;
    this.timeOf = timeOf;
  }

  public void add(T entry) {
    entries.addLast(entry);
    long oldest = timeOf.applyAsLong(entry) - maxAgeMillis;
    while (entries.size() > capacity || timeOf.applyAsLong(entries.peekFirst()) < oldest) {
      entries.removeFirst();
    }
  }

  /** Oldest first. */
  public List<T> entries() {
    return new ArrayList<>(entries);
  }

  /** The newest entry at least {@code windowMillis} older than {@code nowMillis}, else the oldest. */
  public T before(long nowMillis, long windowMillis) {
    T found = entries.peekFirst();
    for (T entry : entries) {
      if (timeOf.applyAsLong(entry) <= nowMillis - windowMillis) {
        found = entry;
      }
    }
    return found;
  }

  public int size() {
    return entries.size();
  }
}
