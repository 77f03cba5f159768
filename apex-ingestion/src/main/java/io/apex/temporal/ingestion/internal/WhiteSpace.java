package io.apex.temporal.ingestion.internal;

/**
 * Unicode white space made plain: every space character (no-break spaces, U+2000 to U+200A, the
 * ideographic space U+3000, line and paragraph separators) becomes an ASCII space, zero-width marks
 * that only join or separate (U+200B, U+2060, U+FEFF) go, and runs collapse to one space. Java's
 * {@code \s}, {@code isBlank} and {@code strip} do not see a no-break space as space, so a run of
 * {@code &nbsp;} made chunks that looked like text and that the model then refused.
 */
final class WhiteSpace {
  private WhiteSpace() {}

  /** The text with white space normalised, collapsed and trimmed. */
  static String normalise(String text) {
    var out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u200B' || c == '\u2060' || c == '\uFEFF') {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** True when the text holds nothing but white space of any kind. */
  static boolean blank(String text) {
    return normalise(text).isEmpty();
  }
}
