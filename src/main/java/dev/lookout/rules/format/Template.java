package dev.lookout.rules.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An annotation template: plain text with {@code {{ reference }}} holes. Only references are
 * allowed, no logic, so a template can never fail or loop at evaluation time; the values are
 * inserted as plain text (escaping is the job of whatever renders the alert).
 */
public record Template(String source, Position at, List<Part> parts) {
  private static final Pattern HOLE = Pattern.compile("\\{\\{(.*?)}}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public Template {
    Objects.requireNonNull(source, "source");
    parts = List.copyOf(parts);
  }

  /** A piece of a template. */
  public sealed interface Part {}

  public record Text(String text) implements Part {}

  /** {@code $labels.name}: a label of the alert instance. */
  public record LabelRef(String name) implements Part {}

  /** {@code $value}: the value the expression produced (true for a boolean rule). */
  public record ValueRef() implements Part {}

  /** {@code $runbook_base}: the base URL given at load. */
  public record RunbookBaseRef() implements Part {}

  /** {@code variable.field}, including {@code params.name}: a value from the evaluated row. */
  public record FieldRef(String variable, String field) implements Part {}

  /**
   * Splits {@code source} into parts, adding a problem for every hole that is not a reference;
   * whether the names exist is checked by the caller, which knows the scope.
   */
  static Template parse(String source, Position at, List<String> problems) {
    List<Part> parts = new ArrayList<>();
    Matcher m = HOLE.matcher(source);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        parts.add(new Text(source.substring(last, m.start())));
      }
      Part ref = reference(m.group(1).strip());
      if (ref == null) {
        problems.add("cannot read template reference \"{{" + m.group(1) + "}}\" (write e.g. "
            + "{{ $labels.node }}, {{ $value }}, {{ $runbook_base }}, {{ params.max_lag }} or "
            + "{{ replica.appliedLsn }}; templates hold references only)");
      } else {
        parts.add(ref);
      }
      last = m.end();
    }
    if (last < source.length()) {
      parts.add(new Text(source.substring(last)));
    }
    return new Template(source, at, parts);
  }

  private static Part reference(String text) {
    switch (text) {
      case "$value":
        return new ValueRef();
      case "$runbook_base":
        return new RunbookBaseRef();
      default:
        break;
    }
    String[] dotted = text.split("\\.", -1);
    if (dotted.length != 2 || !NAME.matcher(dotted[1]).matches()) {
      return null;
    }
    if (dotted[0].equals("$labels")) {
      return new LabelRef(dotted[1]);
    }
    return NAME.matcher(dotted[0]).matches() ? new FieldRef(dotted[0], dotted[1]) : null;
  }
}
