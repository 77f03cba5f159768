package io.apex.temporal.ingestion;

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

  /** The chunks of {@code text}, white space (Unicode's too) collapsed; none for blank text. */
  List<String> chunks(String text) {
    String clean = WhiteSpace.normalise(text);
    var chunks = new ArrayList<String>();
    int start = 0;
    while (start < clean.length()) {
      int end = Math.min(clean.length(), start + chunkCharacters);
      if (end < clean.length()) {
        end = boundaryBefore(clean, start, end);
      }
      chunks.add(clean.substring(start, end).strip());
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
