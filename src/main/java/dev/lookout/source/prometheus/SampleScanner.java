package dev.lookout.source.prometheus;

import dev.lookout.model.LabelSets;
import dev.lookout.model.Sample;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads the parts of sample lines of one page: metric name, label set, value and optional
 * timestamp. Keeps a per-page table so that repeated names and label values share one instance;
 * none of its state outlives the page.
 */
final class SampleScanner {
  /** A label every sample gets, replacing one of the same name on the page. */
  record AddedLabel(String name, String value) {}

  private final String text;
  /** Null when samples keep the page's labels as they are. */
  private final AddedLabel added;
  /** The labels of a sample written without any. */
  private final Map<String, String> noLabels;
  /** Strings of the page seen so far, found by content without cutting the text again (open addressing). */
  private String[] table = new String[256];
  private int interned;
  private final StringBuilder unescaped = new StringBuilder();
  /** One label set's names and values while it is read. */
  private String[] names = new String[8];
  private String[] values = new String[8];

  SampleScanner(String text, AddedLabel added) {
    this.text = text;
    this.added = added;
    this.noLabels = added == null ? Map.of() : Map.of(added.name(), added.value());
  }

  /** The end of the metric name starting at {@code start}; {@code start} when there is none. */
  int metricNameEnd(int start, int end) {
    if (start == end || !isNameStart(text.charAt(start), true)) {
      return start;
    }
    int p = start + 1;
    while (p < end && isNamePart(text.charAt(p), true)) {
      p++;
    }
    return p;
  }

  static boolean isMetricName(String token) {
    if (token.isEmpty() || !isNameStart(token.charAt(0), true)) {
      return false;
    }
    for (int i = 1; i < token.length(); i++) {
      if (!isNamePart(token.charAt(i), true)) {
        return false;
      }
    }
    return true;
  }

  /** One shared instance per distinct string on the page. */
  String intern(int start, int end) {
    int length = end - start;
    int hash = length;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    int mask = table.length - 1;
    int slot = (hash ^ (hash >>> 16)) & mask;
    for (String s = table[slot]; s != null; s = table[slot]) {
      if (s.length() == length && text.regionMatches(start, s, 0, length)) {
        return s;
      }
      slot = (slot + 1) & mask;
    }
    String s = text.substring(start, end);
    table[slot] = s;
    if (++interned > table.length / 2) {
      grow();
    }
    return s;
  }

  private void grow() {
    String[] old = table;
    table = new String[old.length * 2];
    interned = 0;
    for (String s : old) {
      if (s != null) {
        putNew(s);
      }
    }
  }

  private void putNew(String s) {
    int hash = s.length();
    for (int i = 0; i < s.length(); i++) {
      hash = 31 * hash + s.charAt(i);
    }
    int mask = table.length - 1;
    int slot = (hash ^ (hash >>> 16)) & mask;
    while (table[slot] != null) {
      slot = (slot + 1) & mask;
    }
    table[slot] = s;
    interned++;
  }

  /**
   * Reads the rest of a sample line after its name: optional labels, a value and an optional
   * timestamp, which is checked but ignored.
   */
  Sample sample(String name, int nameEnd, int end) throws Malformed {
    int p = skipBlanks(nameEnd, end);
    Map<String, String> labels;
    if (p < end && text.charAt(p) == '{') {
      int close = closingBrace(p, end);
      labels = parseLabels(p + 1, close);
      p = skipBlanks(close + 1, end);
    } else if (p == nameEnd) {
      throw new Malformed("unexpected character after metric name");
    } else {
      labels = noLabels;
    }
    int valueEnd = tokenEnd(p, end);
    if (valueEnd == p) {
      throw new Malformed("missing value");
    }
    double value = Values.parseValue(text, p, valueEnd);
    p = skipBlanks(valueEnd, end);
    if (p < end) {
      int stampEnd = tokenEnd(p, end);
      Values.checkTimestamp(text, p, stampEnd);
      if (skipBlanks(stampEnd, end) < end) {
        throw new Malformed("unexpected text after timestamp");
      }
    }
    return new Sample(name, labels, value);
  }

  /** The index of the '}' closing the label set opened at {@code open}, quotes respected. */
  private int closingBrace(int open, int end) throws Malformed {
    boolean quoted = false;
    for (int p = open + 1; p < end; p++) {
      char c = text.charAt(p);
      if (quoted && c == '\\') {
        p++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '}' && !quoted) {
        return p;
      }
    }
    throw new Malformed("unterminated label set");
  }

  /** Parses {@code name="value"} pairs between the braces; a trailing comma is allowed. */
  private Map<String, String> parseLabels(int from, int to) throws Malformed {
    int n = 0;
    int p = skipBlanks(from, to);
    while (p < to) {
      int nameEnd = labelNameEnd(p, to);
      if (nameEnd == p) {
        throw new Malformed("bad label name");
      }
      room(n);
      names[n] = intern(p, nameEnd);
      p = expect('=', skipBlanks(nameEnd, to), to);
      p = expect('"', skipBlanks(p, to), to);
      int valueEnd = closingQuote(p, to);
      values[n++] = labelValue(p, valueEnd);
      p = skipBlanks(valueEnd + 1, to);
      if (p < to) {
        p = skipBlanks(expect(',', p, to), to);
      }
    }
    try {
      return LabelSets.of(names, values, withAdded(n));
    } catch (IllegalArgumentException e) {
      throw new Malformed("duplicate label " + duplicate(n));
    }
  }

  /** The number of pairs once the added label is in: set in place of the page's, or appended. */
  private int withAdded(int n) {
    if (added == null) {
      return n;
    }
    for (int i = 0; i < n; i++) {
      if (names[i].equals(added.name())) {
        values[i] = added.value();
        return n;
      }
    }
    room(n);
    names[n] = added.name();
    values[n] = added.value();
    return n + 1;
  }

  private void room(int n) {
    if (n == names.length) {
      names = Arrays.copyOf(names, 2 * n);
      values = Arrays.copyOf(values, 2 * n);
    }
  }

  private String duplicate(int n) {
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (names[i].equals(names[j])) {
          return names[i];
        }
      }
    }
    return "";
  }

  private int closingQuote(int from, int to) throws Malformed {
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if (c == '\\') {
        p++;
      } else if (c == '"') {
        return p;
      }
    }
    throw new Malformed("unterminated label value");
  }

  /** The value between the quotes, unescaped; only \\, \" and \n are escapes in this format. */
  private String labelValue(int from, int to) throws Malformed {
    if (!hasBackslash(from, to)) {
      return intern(from, to);
    }
    unescaped.setLength(0);
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if (c == '\\') {
        c = unescape(text.charAt(++p));
      }
      unescaped.append(c);
    }
    return unescaped.toString();
  }

  private boolean hasBackslash(int from, int to) {
    for (int p = from; p < to; p++) {
      if (text.charAt(p) == '\\') {
        return true;
      }
    }
    return false;
  }

  private static char unescape(char c) throws Malformed {
    switch (c) {
      case '\\': return '\\';
      case '"': return '"';
      case 'n': return '\n';
      default: throw new Malformed("bad escape \\" + c + " in label value");
    }
  }

  private int expect(char c, int p, int to) throws Malformed {
    if (p >= to || text.charAt(p) != c) {
      throw new Malformed("expected '" + c + "' in label set");
    }
    return p + 1;
  }

  private int labelNameEnd(int start, int end) {
    if (start == end || !isNameStart(text.charAt(start), false)) {
      return start;
    }
    int p = start + 1;
    while (p < end && isNamePart(text.charAt(p), false)) {
      p++;
    }
    return p;
  }

  int skipBlanks(int p, int end) {
    while (p < end && isBlank(text.charAt(p))) {
      p++;
    }
    return p;
  }

  int tokenEnd(int p, int end) {
    while (p < end && !isBlank(text.charAt(p))) {
      p++;
    }
    return p;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** Metric names may contain ':', label names may not. */
  static boolean isNameStart(char c, boolean colon) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':');
  }

  static boolean isNamePart(char c, boolean colon) {
    return isNameStart(c, colon) || (c >= '0' && c <= '9');
  }
}
