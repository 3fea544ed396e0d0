package dev.lookout.rules.format;

import dev.lookout.config.YamlNode.Scalar;

/**
 * Finds where a scalar's text begins in the file. The YAML reader gives the token's position,
 * which is the opening quote of a quoted scalar or the {@code |}/{@code >} of a block scalar;
 * an expression error is more useful at the character it is about.
 */
final class ScalarPositions {
  private final String[] lines;

  ScalarPositions(String text) {
    this.lines = text.split("\n", -1);
  }

  Expression expression(Scalar s, Position at) {
    char first = charAt(at.line(), at.column());
    if (first == '"' || first == '\'') {
      return new Expression(s.text(), at.at(at.line(), at.column() + 1), 0);
    }
    if (first == '|' || first == '>') {
      for (int line = at.line() + 1; line <= lines.length; line++) {
        String content = lines[line - 1];
        if (!content.isBlank()) {
          int column = content.length() - content.stripLeading().length() + 1;
          return new Expression(s.text(), at.at(line, column), column);
        }
      }
    }
    return new Expression(s.text(), at, 0);
  }

  private char charAt(int line, int column) {
    if (line < 1 || line > lines.length || column < 1 || column > lines[line - 1].length()) {
      return 0;
    }
    return lines[line - 1].charAt(column - 1);
  }
}
