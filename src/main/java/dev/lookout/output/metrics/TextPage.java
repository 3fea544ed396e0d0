package dev.lookout.output.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page of the Prometheus text format (0.0.4) written as UTF-8 bytes, growing as needed, or
 * passed on to a stream in pieces ({@link #streaming}) so that no page of a large cluster is ever
 * held whole. It escapes as the format asks (label values: backslash, quote, newline; help:
 * backslash, newline) and writes whole numbers without going through {@link Double#toString}.
 */
final class TextPage {
  /** A streaming page passes its bytes on once it holds this many. */
  private static final int PIECE = 64 * 1024;

  private final OutputStream sink;
  private byte[] bytes;
  private int size;

  TextPage(int capacity) {
    this(capacity, null);
  }

  private TextPage(int capacity, OutputStream sink) {
    this.bytes = new byte[Math.max(64, capacity)];
    this.sink = sink;
  }

  /** A page whose writer calls {@link #flushIfFull} between lines and {@link #flush} at the end. */
  static TextPage streaming(OutputStream sink) {
    return new TextPage(PIECE + 1024, sink);
  }

  /** Passes on what is written so far once it is a piece's worth; only between whole lines. */
  void flushIfFull() throws IOException {
    if (sink != null && size >= PIECE) {
      flush();
    }
  }

  void flush() throws IOException {
    if (sink != null) {
      sink.write(bytes, 0, size);
      size = 0;
    }
  }

  int size() {
    return size;
  }

  byte[] toBytes() {
    return Arrays.copyOf(bytes, size);
  }

  /** A copy of the bytes written from {@code from} on, comparable by content. */
  ByteBuffer copyFrom(int from) {
    return ByteBuffer.wrap(Arrays.copyOfRange(bytes, from, size));
  }

  /** Forgets what was written from {@code newSize} on. */
  void truncate(int newSize) {
    size = Math.min(size, newSize);
  }

  void reset() {
    size = 0;
  }

  /** `# HELP` and `# TYPE ... gauge`, which the format wants once per family, before its series. */
  void gaugeHeader(String name, String help) {
    text("# HELP ").text(name).put(' ');
    text(help.replace("\\", "\\\\").replace("\n", "\\n"));
    text("\n# TYPE ").text(name).text(" gauge\n");
  }

  /** {@code name="value"}, the value escaped; null is written as "", which Prometheus takes for absent. */
  TextPage label(String name, String value) {
    text(name).text("=\"");
    String v = value == null ? "" : value;
    if (needsEscape(v)) {
      v = v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
    return text(v).put('"');
  }

  private static boolean needsEscape(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\' || c == '"' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  TextPage bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
    return this;
  }

  /** A sample value: whole numbers as Prometheus' own clients print them ("7.0"), exactly. */
  TextPage value(Number v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return whole(v.longValue());
    }
    double d = v.doubleValue();
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return whole((long) d);
    }
    if (Double.isNaN(d)) {
      return text("NaN");
    }
    if (Double.isInfinite(d)) {
      return text(d > 0 ? "+Inf" : "-Inf");
    }
    return text(Double.toString(d));
  }

  private TextPage whole(long v) {
    if (v == Long.MIN_VALUE) {
      return text(Long.toString(v)).text(".0");
    }
    ensure(22);
    long x = v;
    if (x < 0) {
      bytes[size++] = '-';
      x = -x;
    }
    int digits = 1;
    for (long p = 10; digits < 19 && x >= p; p *= 10) {
      digits++;
    }
    for (int i = size + digits - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + x % 10);
      x /= 10;
    }
    size += digits;
    bytes[size++] = '.';
    bytes[size++] = '0';
    return this;
  }

  TextPage text(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return text(s.substring(i).getBytes(StandardCharsets.UTF_8));
      }
      bytes[size++] = (byte) c;
    }
    return this;
  }

  private TextPage text(byte[] encoded) {
    return bytes(encoded);
  }

  /** An ASCII character. */
  TextPage put(char c) {
    ensure(1);
    bytes[size++] = (byte) c;
    return this;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
