package io.apex.temporal.ingestion.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into chunks of at most {@code chunkCharacters}, each starting {@code overlap}
 * characters before the previous one ended, cut at a sentence or word boundary where one is near.
 */
final class TextChunker {
  private final int chunkCharacters;
  private final int overlap;

  TextChunker(int chunkCharacters, int overlap) {
    if (overlap < 0 || overlap >= chunkCharacters / 2) {
      throw new IllegalArgumentException("overlap must be 0 to less than half the chunk size");
    }
    this.chunkCharacters = chunkCharacters;
    this.overlap = overlap;
  }

  /** A first line at most this long, not ending a sentence, is the document's title or heading. */
  static final int MAX_HEADING_CHARACTERS = 150;

  /**
   * The chunks of {@code text}, white space (Unicode's too) collapsed; none for blank text. A chunk
   * after the first starts with the document's heading (its short first line, when it has one), so
   * that the embedding and the keyword index of every chunk know what the document is about; the
   * heading counts against the chunk's size.
   */
  List<String> chunks(String text) {
    String clean = WhiteSpace.normalise(text);
    String heading = heading(text);
    int later =
        heading.isEmpty()
            ? chunkCharacters
            : Math.max(chunkCharacters / 2, chunkCharacters - heading.length() - 1);
    var chunks = new ArrayList<String>();
    int start = 0;
    while (start < clean.length()) {
      int window = chunks.isEmpty() ? chunkCharacters : later;
      int end = Math.min(clean.length(), start + window);
      if (end < clean.length()) {
        end = boundaryBefore(clean, start, end);
      }
      String chunk = clean.substring(start, end).strip();
      chunks.add(chunks.isEmpty() || heading.isEmpty() ? chunk : heading + " " + chunk);
      if (end >= clean.length()) {
        break;
      }
      int next = end - overlap;
      // Start the overlap at a word, not in the middle of one.
      int space = clean.indexOf(' ', next);
      next = space >= 0 && space < end ? space + 1 : next;
      start = Math.max(next, start + 1);
    }
    chunks.removeIf(String::isEmpty);
    return chunks;
  }

  /** The first line, when short, not the end of a sentence, and followed by more text; or "". */
  static String heading(String text) {
    String trimmed = text.strip();
    int newline = trimmed.indexOf('\n');
    if (newline < 0) {
      return "";
    }
    String first = trimmed.substring(0, newline).replaceAll("\\s+", " ").strip();
    boolean sentence = first.endsWith(".") || first.endsWith("!") || first.endsWith("?");
    return first.isEmpty() || first.length() > MAX_HEADING_CHARACTERS || sentence ? "" : first;
  }

  /** The end of a sentence, else of a word, in the last fifth of the window; else the window. */
  private int boundaryBefore(String text, int start, int end) {
    int floor = start + (end - start) * 4 / 5;
    for (int i = end - 1; i > floor; i--) {
      char c = text.charAt(i - 1);
      if ((c == '.' || c == '!' || c == '?') && text.charAt(i) == ' ') {
        return i;
      }
    }
    int space = text.lastIndexOf(' ', end);
    return space > floor ? space : end;
  }
}
