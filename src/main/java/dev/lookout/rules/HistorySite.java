package dev.lookout.rules;

import dev.lookout.rules.format.Scope;

/**
 * One {@code delta}/{@code rate} call of a rule: the int field it reads, in which scope, over what
 * window. Rules asking for the same field and window share one {@link FieldHistory} through
 * {@link #key}.
 */
record HistorySite(String key, Scope scope, Fn.Int read, long windowMillis) {
  static HistorySite of(Scope scope, String field, Fn.Int read, long windowMillis) {
    return new HistorySite(scope + " " + field + " " + windowMillis, scope, read, windowMillis);
  }
}
