package dev.lookout.rules;

import dev.lookout.config.Problem;
import dev.lookout.rules.format.Param;
import dev.lookout.rules.format.RuleSpec;
import dev.lookout.rules.format.Template;
import dev.lookout.rules.format.Template.FieldRef;
import dev.lookout.rules.format.Template.LabelRef;
import dev.lookout.rules.format.Template.Part;
import dev.lookout.rules.format.Template.RunbookBaseRef;
import dev.lookout.rules.format.Template.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Annotation templates compiled against the model: each reference becomes a reader of the row,
 * rendered plainly (no escaping: that is the job of whatever displays the alert). An absent
 * value renders as {@code unknown}.
 */
final class Templates {
  /** One compiled piece: renders from the row, the instance's labels and $value. */
  interface Piece {
    String render(Row r, Map<String, String> labels, String value);
  }

  private Templates() {}

  static List<Piece> compile(RuleSpec rule, Template t, String runbookBase, List<Problem> out) {
    List<Piece> pieces = new ArrayList<>();
    for (Part part : t.parts()) {
      if (part instanceof Text text) {
        pieces.add((r, l, v) -> text.text());
      } else if (part instanceof LabelRef label) {
        pieces.add((r, l, v) -> l.getOrDefault(label.name(), ""));
      } else if (part instanceof RunbookBaseRef) {
        pieces.add((r, l, v) -> runbookBase);
      } else if (part instanceof FieldRef f) {
        Piece piece = field(rule, f, t, out);
        if (piece != null) {
          pieces.add(piece);
        }
      } else {
        pieces.add((r, l, v) -> v);
      }
    }
    return pieces;
  }

  static String render(List<Piece> pieces, Row r, Map<String, String> labels, String value) {
    StringBuilder out = new StringBuilder();
    for (Piece p : pieces) {
      out.append(p.render(r, labels, value));
    }
    return out.toString();
  }

  private static Piece field(RuleSpec rule, FieldRef f, Template t, List<Problem> out) {
    if (f.variable().equals("params")) {
      String text = rule.params().stream().filter(p -> p.name().equals(f.field()))
          .map(Param::value).map(Templates::plain).findFirst().orElse("");
      return (r, l, v) -> text;
    }
    Field field = Schema.fields(f.variable()).get(f.field());
    if (field == null) {
      out.add(t.at().problem("alert " + rule.alert() + ": unknown field \"" + f.field()
          + "\" in {{ " + f.variable() + "." + f.field() + " }} (fields of " + f.variable()
          + ": " + String.join(", ", Schema.fields(f.variable()).keySet()) + ")"));
      return null;
    }
    Object read = field.read();
    return (r, l, v) -> show(read, r);
  }

  /** The value of a compiled closure as plain text; "unknown" when absent. */
  static String show(Object read, Row r) {
    String text;
    if (read instanceof Fn.Int i) {
      long x = i.eval(r);
      text = r.unknown ? null : Long.toString(x);
    } else if (read instanceof Fn.Dbl d) {
      double x = d.eval(r);
      text = r.unknown ? null : plain(x);
    } else if (read instanceof Fn.Bool b) {
      int x = b.eval(r);
      text = x == Fn.UNKNOWN ? null : Boolean.toString(x == Fn.TRUE);
    } else if (read instanceof Fn.Str s) {
      text = s.eval(r);
    } else if (read instanceof Fn.Labels m) {
      Map<String, String> labels = m.eval(r);
      text = labels == null ? null : new java.util.TreeMap<>(labels).toString();
    } else {
      List<?> list = ((Fn.Lst) read).eval(r);
      text = list == null ? null : list.toString();
    }
    r.unknown = false;
    return text == null ? "unknown" : text;
  }

  /** Doubles without a trailing ".0" when whole, as people write them. */
  static String plain(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)
        && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(v);
  }
}
