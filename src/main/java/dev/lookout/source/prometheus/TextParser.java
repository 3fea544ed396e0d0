package dev.lookout.source.prometheus;

import dev.lookout.model.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the Prometheus text exposition format, version 0.0.4, tolerantly: a malformed line
 * costs only the metric family it belongs to, never the page. One Restate release served a
 * broken family that made stricter scrapers throw away every metric of the node.
 *
 * <p>A line belongs to the family named by the last # TYPE or # HELP line above it. A sample
 * whose name that family's type does not admit (say {@code foo_bucket} under a gauge
 * {@code foo}) is malformed and drops that family. Samples above any # TYPE or # HELP line
 * belong to their name minus a _bucket, _sum, _count, _total or _created suffix. The same
 * family may be declared in several blocks, as Restate does for its RocksDB metrics, as long
 * as the types agree.
 */
public final class TextParser {
  private final String text;
  /** The families to read; null for all. */
  private final String[] wanted;
  private final SampleScanner scanner;
  private final List<Sample> samples = new ArrayList<>();
  /** The family of each sample, same index as {@link #samples}. */
  private final List<String> families = new ArrayList<>();
  private final Map<String, FamilyType> declaredTypes = new HashMap<>();
  private final Set<String> dropped = new LinkedHashSet<>();
  private int droppedLines;

  /** Family named by the last # TYPE or # HELP line; null above the first one. */
  private String family;
  private FamilyType type = FamilyType.UNTYPED;
  /** The current family is unwanted: its lines are passed over without being read. */
  private boolean skipping;

  private TextParser(String text, Set<String> wanted, SampleScanner.AddedLabel added) {
    this.text = text;
    this.wanted = wanted == null ? null : wanted.toArray(String[]::new);
    this.scanner = new SampleScanner(text, added);
  }

  /** Parses every family on the page. */
  public static ParseResult parse(CharSequence text) {
    return new TextParser(text.toString(), null, null).run();
  }

  /**
   * Parses only the named families, by the name on their # TYPE or # HELP line. Lines of other
   * families are skipped unread, so their errors go unreported.
   */
  public static ParseResult parse(CharSequence text, Set<String> families) {
    return new TextParser(text.toString(), families, null).run();
  }

  /**
   * As {@link #parse(CharSequence, Set)}, and every sample kept also gets the label
   * {@code name="value"}, replacing one of that name on the page (say, the node it was read from).
   */
  public static ParseResult parse(CharSequence text, Set<String> families, String name, String value) {
    return new TextParser(text.toString(), families, new SampleScanner.AddedLabel(name, value)).run();
  }

  private ParseResult run() {
    int length = text.length();
    int start = 0;
    while (start < length) {
      int newline = text.indexOf('\n', start);
      int next = newline < 0 ? length : newline + 1;
      int end = newline < 0 ? length : newline;
      if (end > start && text.charAt(end - 1) == '\r') {
        end--;
      }
      line(start, end);
      start = next;
    }
    return result();
  }

  private void line(int start, int end) {
    int p = scanner.skipBlanks(start, end);
    if (p == end) {
      return;
    }
    if (text.charAt(p) == '#') {
      comment(p + 1, end);
    } else if (!skipping) {
      sample(p, end);
    }
  }

  /** Reads # HELP and # TYPE lines; any other comment is ignored. */
  private void comment(int from, int end) {
    int keyword = scanner.skipBlanks(from, end);
    int keywordEnd = scanner.tokenEnd(keyword, end);
    boolean help = isKeyword("HELP", keyword, keywordEnd);
    if (!help && !isKeyword("TYPE", keyword, keywordEnd)) {
      return;
    }
    int nameStart = scanner.skipBlanks(keywordEnd, end);
    int nameEnd = scanner.tokenEnd(nameStart, end);
    if (nameStart == nameEnd) {
      // No family to blame: what follows is judged by sample names.
      enter(null, FamilyType.UNTYPED);
      droppedLines++;
      return;
    }
    if (!wanted(text, nameStart, nameEnd)) {
      skipping = true; // nothing of it is read, not even its name
      return;
    }
    String name = scanner.intern(nameStart, nameEnd);
    if (help) {
      enter(name, declaredTypes.getOrDefault(name, FamilyType.UNTYPED));
      checkName(name);
    } else {
      typeLine(name, nameEnd, end);
    }
  }

  private boolean isKeyword(String keyword, int from, int to) {
    return to - from == keyword.length() && text.startsWith(keyword, from);
  }

  /**
   * Enters the family of a # TYPE line. A bad or conflicting declaration drops the family;
   * its samples are then admitted under any name, since they are dropped anyway.
   */
  private void typeLine(String name, int nameEnd, int end) {
    int typeStart = scanner.skipBlanks(nameEnd, end);
    int typeEnd = scanner.tokenEnd(typeStart, end);
    FamilyType declared = FamilyType.named(text.substring(typeStart, typeEnd));
    boolean clean = declared != null && scanner.skipBlanks(typeEnd, end) == end;
    FamilyType effective = clean ? declared : FamilyType.UNTYPED;
    FamilyType earlier = declaredTypes.putIfAbsent(name, effective);
    enter(name, effective);
    if (!clean || (earlier != null && earlier != effective)) {
      malformed(name);
    } else {
      checkName(name);
    }
  }

  private void checkName(String name) {
    if (!SampleScanner.isMetricName(name)) {
      malformed(name);
    }
  }

  private void enter(String name, FamilyType declared) {
    family = name;
    type = declared;
    skipping = false;
  }

  /** Whether the family named by source[start, end) is read; compared in place, no string made. */
  private boolean wanted(String source, int start, int end) {
    if (wanted == null) {
      return true;
    }
    for (String name : wanted) {
      if (name.length() == end - start && source.startsWith(name, start)) {
        return true;
      }
    }
    return false;
  }

  private void sample(int start, int end) {
    int nameEnd = scanner.metricNameEnd(start, end);
    String name = nameEnd == start ? null : sampleName(start, nameEnd);
    String owner = family;
    if (owner == null) {
      if (name == null) {
        droppedLines++;
        return;
      }
      owner = FamilyType.stem(name);
      if (!wanted(owner, 0, owner.length())) {
        return;
      }
    }
    try {
      samples.add(checkedSample(owner, name, nameEnd, end));
      families.add(owner);
    } catch (Malformed e) {
      malformed(owner);
    }
  }

  private Sample checkedSample(String owner, String name, int nameEnd, int end) throws Malformed {
    if (name == null) {
      throw new Malformed("line does not start with a metric name");
    }
    if (family != null && !type.admits(family, name)) {
      throw new Malformed(name + " does not belong to family " + family);
    }
    return scanner.sample(name, nameEnd, end);
  }

  /** The family name itself, the commonest case, costs no new string. */
  private String sampleName(int start, int end) {
    if (family != null && family.length() == end - start && text.startsWith(family, start)) {
      return family;
    }
    return scanner.intern(start, end);
  }

  private void malformed(String owner) {
    droppedLines++;
    dropped.add(owner);
  }

  private ParseResult result() {
    if (dropped.isEmpty()) {
      return new ParseResult(samples, List.of(), droppedLines);
    }
    List<Sample> kept = new ArrayList<>(samples.size());
    for (int i = 0; i < samples.size(); i++) {
      if (!dropped.contains(families.get(i))) {
        kept.add(samples.get(i));
      }
    }
    return new ParseResult(kept, List.copyOf(dropped), droppedLines);
  }
}
