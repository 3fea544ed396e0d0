package dev.lookout.model;

import java.util.Arrays;
import java.util.Map;

/**
 * Immutable label maps built straight from names and values, without a HashMap to copy from:
 * node pages give tens of thousands of samples a tick, each with a few labels.
 */
public final class LabelSets {
  private LabelSets() {}

  /** The first {@code n} pairs; throws IllegalArgumentException on a repeated name. */
  public static Map<String, String> of(String[] k, String[] v, int n) {
    switch (n) {
      case 0: return Map.of();
      case 1: return Map.of(k[0], v[0]);
      case 2: return Map.of(k[0], v[0], k[1], v[1]);
      case 3: return Map.of(k[0], v[0], k[1], v[1], k[2], v[2]);
      case 4: return Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3]);
      case 5: return Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4]);
      default: return ofEntries(k, v, n);
    }
  }

  /** {@code labels} with {@code name} set to {@code value} (added, or replacing its value). */
  public static Map<String, String> with(Map<String, String> labels, String name, String value) {
    String[] k = new String[labels.size() + 1];
    String[] v = new String[labels.size() + 1];
    int n = 0;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!e.getKey().equals(name)) {
        k[n] = e.getKey();
        v[n++] = e.getValue();
      }
    }
    k[n] = name;
    v[n++] = value;
    return of(k, v, n);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> ofEntries(String[] k, String[] v, int n) {
    Map.Entry<String, String>[] entries = new Map.Entry[n];
    for (int i = 0; i < n; i++) {
      entries[i] = Map.entry(k[i], v[i]);
    }
    return Map.ofEntries(Arrays.copyOf(entries, n));
  }
}
