package dev.lookout.source.prometheus;

import dev.lookout.model.Sample;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Samples written back as one comparable line each, labels sorted, values as Java prints them. */
final class Rendered {
  private Rendered() {}

  static List<String> of(ParseResult result) {
    return result.samples().stream().map(Rendered::line).collect(Collectors.toList());
  }

  static String line(Sample s) {
    String labels = new TreeMap<>(s.labels()).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
    return s.name() + (s.labels().isEmpty() ? "" : labels) + " " + s.value();
  }
}
