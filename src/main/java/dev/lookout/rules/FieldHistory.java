package dev.lookout.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One history site's field as it was in earlier snapshots of one target: a value per entity at a
 * few past times. A look-up finds the newest frame at least the window old. Frames are dropped
 * once a newer one is old enough for every later look-up, and kept at most {@link #MAX_FRAMES}
 * per window, or fewer when the scope has many entities ({@link #VALUES} in all, but never fewer
 * than {@link #MIN_FRAMES}): a few nodes get a frame per tick, so their windows are exact to the
 * tick, while 50,000 replicas get eight, so a 15-minute window costs eight arrays of longs, not
 * fifteen minutes of snapshots, and the frame found is at most an eighth of the window older.
 */
final class FieldHistory {
  /** An entity that was absent, or whose field was unknown, when the frame was taken. */
  static final long ABSENT = Long.MIN_VALUE;
  static final int MIN_FRAMES = 8;
  static final int MAX_FRAMES = 1024;
  static final int VALUES = 1 << 18;

  /** The field of every entity at one time, indexed by the entity's number in its scope. */
  record Frame(long atMillis, long[] values) {
    long value(int id) {
      return id >= 0 && id < values.length ? values[id] : ABSENT;
    }

    static Frame of(long atMillis, int size) {
      long[] values = new long[size];
      Arrays.fill(values, ABSENT);
      return new Frame(atMillis, values);
    }
  }

  private final long windowMillis;
  private final List<Frame> frames = new ArrayList<>();

  FieldHistory(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  /** True when a snapshot of {@code entities} taken at {@code atMillis} should become a frame. */
  boolean wants(long atMillis, int entities) {
    int perWindow = Math.max(MIN_FRAMES, Math.min(MAX_FRAMES, VALUES / Math.max(1, entities)));
    long spacing = Math.max(1, windowMillis / perWindow);
    return frames.isEmpty() || atMillis - frames.get(frames.size() - 1).atMillis() >= spacing;
  }

  void add(Frame frame) {
    frames.add(frame);
    long oldestNeeded = frame.atMillis() - windowMillis;
    while (frames.size() >= 2 && frames.get(1).atMillis() <= oldestNeeded) {
      frames.remove(0);
    }
  }

  /** The newest frame at least the window older than {@code nowMillis}, or null. */
  Frame before(long nowMillis) {
    Frame found = null;
    for (Frame f : frames) {
      if (f.atMillis() <= nowMillis - windowMillis) {
        found = f;
      }
    }
    return found;
  }

  int size() {
    return frames.size();
  }

  /** Forgets every frame: the entities' numbering they rely on was reset. */
  void clear() {
    frames.clear();
  }
}
