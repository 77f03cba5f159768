package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextChunkerTest {
  private final TextChunker chunker = new TextChunker(200, 40);

  @Test
  void shortTextIsOneChunkWithWhitespaceCollapsed() {
    assertThat(chunker.chunks("  Hello \n\n  world\t! ")).containsExactly("Hello world !");
  }

  @Test
  void blankTextHasNoChunks() {
    assertThat(chunker.chunks(" \n\t ")).isEmpty();
  }

  @Test
  void unicodeSpacesAreWhiteSpaceAndMakeNoChunkOfTheirOwn() {
    String text = "Harbour cranes." + "\u00A0".repeat(3000) + "Tidal\u3000energy\u2009now.";

    assertThat(chunker.chunks(text)).containsExactly("Harbour cranes. Tidal energy now.");
    assertThat(chunker.chunks("\u00A0\u2000\u200A\u202F\u3000\u200B\uFEFF".repeat(100))).isEmpty();
  }

  @Test
  void longTextIsCoveredByBoundedOverlappingChunks() {
    var text = Fixtures.page("river deltas", 1);
    var chunks = chunker.chunks(text);
    assertThat(chunks.size()).isGreaterThan(10);
    assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(200));
    for (int i = 1; i < chunks.size(); i++) {
      String previous = chunks.get(i - 1);
      String tail = previous.substring(previous.length() - 20);
      assertThat(chunks.get(i)).as("chunk %d overlaps chunk %d", i, i - 1).contains(tail.strip());
    }
    String collapsed = text.replaceAll("\\s+", " ").strip();
    assertThat(collapsed).startsWith(chunks.get(0)).endsWith(chunks.get(chunks.size() - 1));
  }

  @Test
  void chunksEndAtWordBoundaries() {
    var chunks = chunker.chunks(Fixtures.page("harbour cranes", 2));
    assertThat(chunks.size()).isGreaterThan(10);
    for (int i = 0; i < chunks.size() - 1; i++) {
      assertThat(chunks.get(i)).doesNotEndWith(" ").matches(".*[\\w.!?,]$");
    }
  }

  @Test
  void everyChunkAfterTheFirstStartsWithTheShortFirstLineAndStaysWithinTheSize() {
    var text = "Tidal power in estuaries\n\n" + Fixtures.page("river deltas", 1);
    var chunks = chunker.chunks(text);
    assertThat(chunks.size()).isGreaterThan(10);
    assertThat(chunks.get(0)).startsWith("Tidal power in estuaries The team studied");
    assertThat(chunks.subList(1, chunks.size()))
        .allSatisfy(c -> assertThat(c).startsWith("Tidal power in estuaries "));
    assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(200));
  }

  @Test
  void aFirstLineThatIsASentenceOrTooLongIsNoHeading() {
    assertThat(TextChunker.heading("The crane was repaired.\nMore text")).isEmpty();
    assertThat(TextChunker.heading("x".repeat(151) + "\nMore text")).isEmpty();
    assertThat(TextChunker.heading("Only one line")).isEmpty();
    assertThat(TextChunker.heading("  Harbour cranes \n\nMore text")).isEqualTo("Harbour cranes");
  }
}
