package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import java.time.Duration;
import java.util.ArrayList;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.Test;

class DocumentParserTest {
  @Test
  void aParseOverItsTimeLimitIsGivenUpPromptlyAndNonRetryably() {
    var paragraphs = new ArrayList<String>();
    for (int i = 0; i < 3000; i++) {
      paragraphs.add("Paragraph " + i + " of a long memo about the harbour crane schedule.");
    }
    byte[] docx = Fixtures.docx(paragraphs);
    try (var parser = new DocumentParser(TikaConfig.getDefaultConfig(), Duration.ofMillis(1))) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> parser.parse(docx, "long.docx"))
          .isInstanceOfSatisfying(
              InvalidDocumentException.class,
              e -> assertThat(e.failureType()).isEqualTo(IngestionFailures.INVALID_DOCUMENT))
          .hasMessageContaining("long.docx")
          .hasMessageContaining("could not be parsed within 1 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void theTimeLimitGrowsWithTheDocumentsSize() {
    try (var parser = new DocumentParser(TikaConfig.getDefaultConfig(), Duration.ofSeconds(20))) {
      assertThat(parser.timeLimitFor(1000)).isEqualTo(Duration.ofSeconds(20));
      assertThat(parser.timeLimitFor(50L << 20)).isEqualTo(Duration.ofSeconds(120));
    }
  }
}
