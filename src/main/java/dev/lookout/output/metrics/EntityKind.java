package dev.lookout.output.metrics;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The entities of one kind in a snapshot (nodes, logs, replicas...) and the labels that name each,
 * the registry's common labels among them. The families over one kind share its entity list and
 * each entity's label text, computed once per render rather than once per series.
 */
final class EntityKind<S, T> {
  /** One render's entities, each entity's `{...}` label text, and whether two texts are equal. */
  record Labelled<T>(List<T> entities, byte[][] text, boolean duplicates) {}

  private final Function<S, List<T>> list;
  private final List<Label<T>> labels;
  private S labelledFor;
  private Labelled<T> labelled;

  /** {@code labels}: the kind's own and the common ones; written sorted by name, as clients do. */
  EntityKind(Function<S, List<T>> list, List<Label<T>> labels) {
    this.list = list;
    this.labels = sorted(labels);
  }

  static <T> List<Label<T>> sorted(List<Label<T>> labels) {
    List<Label<T>> sorted = new ArrayList<>(labels);
    sorted.sort(Comparator.comparing(Label::name));
    return List.copyOf(sorted);
  }

  List<Label<T>> labels() {
    return labels;
  }

  /** The entities of {@code snapshot}, labelled; computed on the first call for a snapshot. */
  Labelled<T> labelled(S snapshot) {
    if (labelledFor != snapshot) {
      List<T> entities = list.apply(snapshot);
      byte[][] text = new byte[entities.size()][];
      Set<ByteBuffer> seen = new HashSet<>(entities.size() * 2);
      boolean duplicates = false;
      TextPage scratch = new TextPage(256);
      for (int i = 0; i < text.length; i++) {
        scratch.reset();
        write(scratch, labels, entities.get(i));
        text[i] = scratch.toBytes();
        duplicates |= !seen.add(ByteBuffer.wrap(text[i]));
      }
      labelled = new Labelled<>(entities, text, duplicates);
      labelledFor = snapshot;
    }
    return labelled;
  }

  /** Drops the last render's entities, so they are not kept alive between renders. */
  void forget() {
    labelledFor = null;
    labelled = null;
  }

  /** `{a="1",b="2"}`, or nothing when there are no labels. */
  static <T> void write(TextPage page, List<Label<T>> labels, T entity) {
    if (labels.isEmpty()) {
      return;
    }
    page.put('{');
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        page.put(',');
      }
      Label<T> l = labels.get(i);
      page.label(l.name(), l.value().apply(entity));
    }
    page.put('}');
  }
}
