package dev.lookout.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in config strings with environment values, so secrets such as
 * webhook tokens need not be written into the file. A {@code $} not followed by an opening brace
 * is left alone. The environment is passed in so tests never depend on the real one.
 */
final class EnvExpander {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> env;

  EnvExpander(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * The text with every reference replaced.
   *
   * @throws IllegalArgumentException naming the first reference that cannot be replaced
   */
  String expand(String text) {
    StringBuilder out = new StringBuilder();
    int done = 0;
    for (int start = text.indexOf("${"); start >= 0; start = text.indexOf("${", done)) {
      int end = text.indexOf('}', start + 2);
      if (end < 0) {
        throw new IllegalArgumentException("\"${\" is not closed (write e.g. ${WEBHOOK_TOKEN})");
      }
      out.append(text, done, start).append(lookup(text.substring(start + 2, end)));
      done = end + 1;
    }
    // Values are not expanded again: a secret containing "${" stays as it is.
    return out.append(text, done, text.length()).toString();
  }

  private String lookup(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("\"${" + name + "}\" is not a valid variable reference "
          + "(write e.g. ${WEBHOOK_TOKEN})");
    }
    String value = env.get(name);
    if (value == null) {
      throw new IllegalArgumentException("environment variable " + name + " is not set "
          + "(set it, or write the value instead of ${" + name + "})");
    }
    return value;
  }
}
