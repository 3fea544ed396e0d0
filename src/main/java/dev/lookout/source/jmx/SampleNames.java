package dev.lookout.source.jmx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Names and labels of the samples read from one MBean, the way jmx_exporter names them by
 * default: {@code <domain>_<key property values...>_<attribute>[_<composite key>...]}, with the
 * key properties in the order the MBean was registered with, and every character outside
 * {@code [a-zA-Z0-9_]} (and runs of them) turned into one underscore.
 */
final class SampleNames {
  private SampleNames() {}

  /** The sample name for {@code path}: the attribute, then composite keys, outermost first. */
  static String name(ObjectName bean, List<String> path) {
    StringBuilder raw = new StringBuilder(bean.getDomain());
    for (String key : keys(bean)) {
      raw.append('_').append(unquoted(bean.getKeyProperty(key)));
    }
    path.forEach(p -> raw.append('_').append(p));
    return safe(raw.toString());
  }

  /** {@code mbean} (the canonical object name) and each key property under its own name. */
  static Map<String, String> labels(ObjectName bean) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String key : keys(bean)) {
      labels.put(safe(key), unquoted(bean.getKeyProperty(key)));
    }
    labels.put("mbean", bean.getCanonicalName());
    return labels;
  }

  /** Keys as written; {@code getKeyPropertyList()} is a hash table and has lost the order. */
  static List<String> keys(ObjectName bean) {
    String list = bean.getKeyPropertyListString();
    List<String> keys = new ArrayList<>();
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i <= list.length(); i++) {
      char ch = i < list.length() ? list.charAt(i) : ',';
      if (quoted && ch == '\\') {
        i++; // an escaped character inside quotes, e.g. \" or \,
      } else if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        int eq = list.indexOf('=', start);
        if (eq > start && eq < i) {
          keys.add(list.substring(start, eq));
        }
        start = i + 1;
      }
    }
    return keys;
  }

  static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") ? ObjectName.unquote(value) : value;
  }

  /** Only [a-zA-Z0-9_], no runs of underscores, never a leading digit. */
  static String safe(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 1);
    boolean underscore = false;
    for (int i = 0; i < raw.length(); i++) {
      char ch = raw.charAt(i);
      boolean ok = ch < 128 && (Character.isLetterOrDigit(ch));
      if (ok) {
        out.append(ch);
        underscore = false;
      } else if (!underscore) {
        out.append('_');
        underscore = true;
      }
    }
    if (out.length() > 0 && Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }
}
