package dev.lookout.source.restate;

import java.util.ArrayList;
import java.util.List;

/** Parses Restate's printed node ids: plain "N3", generational "N3:2", lists "[N1, N3]". */
final class NodeIds {
  private NodeIds() {}

  /** The plain id of "N3" or "N3:2"; -1 for null, empty or malformed text. */
  static int plain(String text) {
    if (text == null || text.length() < 2 || text.charAt(0) != 'N') {
      return -1;
    }
    int colon = text.indexOf(':');
    return parse(text.substring(1, colon < 0 ? text.length() : colon));
  }

  /** The generation of "N3:2"; -1 when absent. */
  static int generation(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    return colon < 0 ? -1 : parse(text.substring(colon + 1));
  }

  /** "[N1, N3, N2]" or "N1,N3" to plain ids, skipping what does not parse. */
  static List<Integer> list(String text) {
    List<Integer> ids = new ArrayList<>();
    if (text == null) {
      return ids;
    }
    for (String part : text.replace("[", "").replace("]", "").split(",")) {
      int id = plain(part.strip());
      if (id >= 0) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The number after "node:" in a replication property such as "{node: 2}" or
   * "{zone: 2, node: 3}"; -1 when there is none. Read once per log per tick, so without regex.
   */
  static int replicationFactor(String property) {
    int at = property == null ? -1 : property.indexOf("node:");
    if (at < 0) {
      return -1;
    }
    at += 5;
    while (at < property.length() && property.charAt(at) == ' ') {
      at++;
    }
    int end = at;
    while (end < property.length() && end - at < 9 && isDigit(property.charAt(end))) {
      end++;
    }
    return parse(property.substring(at, end));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int parse(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
