package dev.lookout.rules;

import dev.lookout.rules.format.Scope;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * What the history functions of every rule can read of one target's past: one
 * {@link FieldHistory} per history site key, and one numbering of the entities per scope that
 * the sites of that scope share (frames are arrays indexed by it).
 */
final class TargetPast {
  /** Numbers are handed out for good; past this many unused ones a scope starts afresh. */
  private static final int SPARE_NUMBERS = 4096;

  private final Map<Scope, Map<Object, Integer>> numbers = new EnumMap<>(Scope.class);
  private final Map<String, FieldHistory> fields = new HashMap<>();
  /** The snapshot whose rows {@link #rowIds} numbers, compared by identity. */
  private Object numbered;
  private final Map<Scope, int[]> rowIds = new EnumMap<>(Scope.class);

  /**
   * Each row's number in its scope, for the {@code rows} rows of {@code snapshot}: worked out once
   * per snapshot and scope, then shared by every site recording it and every look-up reading it.
   */
  int[] ids(Object snapshot, Scope scope, int rows, IntFunction<Object> keyOf) {
    if (snapshot != numbered) {
      numbered = snapshot;
      rowIds.clear();
    }
    return rowIds.computeIfAbsent(scope, s -> number(s, rows, keyOf));
  }

  private int[] number(Scope scope, int rows, IntFunction<Object> keyOf) {
    Map<Object, Integer> ids = numbersFor(scope, rows);
    int[] id = new int[rows];
    for (int i = 0; i < rows; i++) {
      id[i] = ids.computeIfAbsent(keyOf.apply(i), k -> ids.size());
    }
    return id;
  }

  /**
   * Records the site's field of each row (numbered {@code ids}) of a snapshot taken at
   * {@code atMillis}, when the site's spacing asks for a frame then.
   */
  void record(HistorySite site, long atMillis, int[] ids, IntToLongFunction valueOf) {
    FieldHistory field = fields.computeIfAbsent(site.key(), k -> new FieldHistory(site.windowMillis()));
    if (!field.wants(atMillis, ids.length)) {
      return;
    }
    FieldHistory.Frame frame = FieldHistory.Frame.of(atMillis, numbers.get(site.scope()).size());
    for (int i = 0; i < ids.length; i++) {
      frame.values()[ids[i]] = valueOf.applyAsLong(i);
    }
    field.add(frame);
  }

  /** The site's newest frame at least its window older than {@code nowMillis}, or null. */
  FieldHistory.Frame frame(HistorySite site, long nowMillis) {
    FieldHistory field = fields.get(site.key());
    return field == null ? null : field.before(nowMillis);
  }

  /** Drops the history of sites no rule asks for any more. */
  void retain(Set<String> siteKeys) {
    fields.keySet().retainAll(siteKeys);
  }

  /** The scope's numbering; reset, with its sites' frames, once churn left too many unused. */
  private Map<Object, Integer> numbersFor(Scope scope, int rows) {
    Map<Object, Integer> ids = numbers.computeIfAbsent(scope, s -> new HashMap<>());
    if (ids.size() > 2 * rows + SPARE_NUMBERS) {
      ids.clear();
      fields.forEach((key, field) -> {
        if (key.startsWith(scope + " ")) {
          field.clear();
        }
      });
    }
    return ids;
  }
}
