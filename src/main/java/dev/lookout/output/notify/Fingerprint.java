package dev.lookout.output.notify;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The identity hash Alertmanager shows for an alert: 64-bit FNV-1a over the label names and
 * values in name order, each followed by the byte 0xff, printed as 16 hex digits. Computing it
 * the same way lets webhook consumers match our alerts with those forwarded by Alertmanager.
 */
final class Fingerprint {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  private static final int SEPARATOR = 0xff;

  private Fingerprint() {}

  static String of(Map<String, String> labels) {
    SortedMap<String, String> sorted = new TreeMap<>(labels);
    long hash = OFFSET;
    for (Map.Entry<String, String> label : sorted.entrySet()) {
      hash = add(hash, label.getKey());
      hash = addByte(hash, SEPARATOR);
      hash = add(hash, label.getValue());
      hash = addByte(hash, SEPARATOR);
    }
    return String.format("%016x", hash);
  }

  private static long add(long hash, String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash = addByte(hash, b & 0xff);
    }
    return hash;
  }

  private static long addByte(long hash, int b) {
    return (hash ^ b) * PRIME;
  }
}
