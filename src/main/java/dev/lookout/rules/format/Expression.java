package dev.lookout.rules.format;

import java.util.Objects;

/**
 * A rule's CEL text and where it sits in the file, so that a position CEL reports inside the
 * text can be turned into a file position. {@code firstLine}/{@code firstColumn} is where the
 * text's first character is (after an opening quote); for a block scalar ({@code |} or
 * {@code >}) later lines start at {@code blockColumn}, otherwise at column 1 of the text.
 */
public record Expression(String text, Position firstChar, int blockColumn) {
  public Expression {
    Objects.requireNonNull(text, "text");
  }

  /** The file position of CEL's 1-based line and 0-based column within {@link #text}. */
  public Position locate(int celLine, int celColumn) {
    int line = firstChar.line() + celLine - 1;
    if (celLine == 1) {
      return firstChar.at(line, firstChar.column() + celColumn);
    }
    return firstChar.at(line, (blockColumn > 0 ? blockColumn : 1) + celColumn);
  }
}
