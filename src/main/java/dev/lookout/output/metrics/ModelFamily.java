package dev.lookout.output.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One gauge family of the cluster model, written straight to the text format from a snapshot: one
 * series per entity of its kind, none for an unknown (null) value. Its labels are the kind's,
 * plus any of its own (a mode, a version), all sorted by name.
 */
final class ModelFamily<S, T> {
  private final String name;
  private final String help;
  private final byte[] prefix;
  private final EntityKind<S, T> kind;
  /** Every label of the family when it has its own besides the kind's, else null. */
  private final List<Label<T>> ownLabels;
  private final Function<T, Number> value;

  /** {@code name} dotted as Micrometer names meters ("lookout.restate.node.up"). */
  ModelFamily(String name, String help, EntityKind<S, T> kind, List<Label<T>> extra,
      Function<T, Number> value) {
    this.name = name.replace('.', '_');
    this.help = help;
    this.prefix = this.name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    this.kind = kind;
    List<Label<T>> all = new ArrayList<>(kind.labels());
    all.addAll(extra);
    this.ownLabels = extra.isEmpty() ? null : EntityKind.sorted(all);
    this.value = value;
  }

  /**
   * Writes the family's series for {@code snapshot}, nothing when it has none (not even its
   * header); returns how many. Two entities with the same labels (a table listing a row twice)
   * give one series, the first's with a value: Prometheus rejects a page with duplicates.
   */
  int write(S snapshot, TextPage page) throws IOException {
    EntityKind.Labelled<T> l = kind.labelled(snapshot);
    Set<ByteBuffer> seen = l.duplicates() ? new HashSet<>() : null;
    int series = 0;
    for (int i = 0; i < l.text().length; i++) {
      T entity = l.entities().get(i);
      Number v = value.apply(entity);
      if (v == null) {
        continue;
      }
      if (series == 0) {
        page.gaugeHeader(name, help);
      }
      int line = page.size();
      page.bytes(prefix);
      int labels = page.size();
      if (ownLabels == null) {
        page.bytes(l.text()[i]);
      } else {
        EntityKind.write(page, ownLabels, entity);
      }
      if (seen != null && !seen.add(page.copyFrom(labels))) {
        page.truncate(line);
        continue;
      }
      page.put(' ').value(v).put('\n');
      page.flushIfFull();
      series++;
    }
    return series;
  }
}
