package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.ingestion.SearchQuery;
import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unicode white space and wide encodings, through the real parser, chunker and model: runs of
 * no-break or other Unicode spaces are white space, and UTF-16 or UTF-32 text with a byte-order
 * mark is text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnicodeTextTest {
  @TempDir static Path dir;
  private IngestionParts components;
  private IngestionHarness harness;

  @BeforeAll
  void start() {
    components = IngestionParts.start(TestStores.settings(dir.resolve("data")));
    harness = new IngestionHarness(components);
  }

  @AfterAll
  void stop() {
    components.close();
  }

  @Test
  void threeThousandNoBreakSpacesBetweenTwoParagraphsIngest() {
    String html =
        "<html><body><p>Harbour cranes unload the morning ferry.</p>"
            + "&nbsp;".repeat(3000)
            + "<p>Tidal energy lights the harbour at night.</p></body></html>";
    var run = harness.ingest(Fixtures.write(dir, "spaced.html", html));

    assertThat(run.written()).isNotNull();
    var hit = components.search().search(SearchQuery.of("tidal energy at night", 1)).get(0);
    assertThat(hit.documentId()).isEqualTo(run.staged().documentId());
    assertThat(hit.text()).doesNotContain("\u00A0");
  }

  @Test
  void aFileOfOnlyUnicodeSpacesFailsAtOnceAsEmpty() {
    String spaces = "\u00A0\u2000\u2003\u200A\u202F\u205F\u3000\u2007\n".repeat(500);
    var staged = harness.stage(Fixtures.write(dir, "spaces.md", spaces));

    assertThatThrownBy(() -> components.activities().parse(staged))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            e -> {
              assertThat(e.getType()).isEqualTo(IngestionFailures.INVALID_DOCUMENT);
              assertThat(e.isNonRetryable()).isTrue();
            })
        .hasMessageContaining("spaces.md")
        .hasMessageContaining("no text to ingest");
  }

  @Test
  void utf16TextWithAByteOrderMarkIsTextNotBinary() {
    assertParsedAsText(
        "utf16le.txt", StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE});
    assertParsedAsText(
        "utf16be.txt", StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF});
  }

  @Test
  void utf32TextWithAByteOrderMarkIsTextNotBinary() {
    assertParsedAsText(
        "utf32le.txt", Charset.forName("UTF-32LE"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
  }

  private void assertParsedAsText(String name, Charset charset, byte[] mark) {
    byte[] body =
        "Volcanic soil feeds the vineyards on the island. Café owners pour the wine.\n"
            .getBytes(charset);
    byte[] content = new byte[mark.length + body.length];
    System.arraycopy(mark, 0, content, 0, mark.length);
    System.arraycopy(body, 0, content, mark.length, body.length);

    var staged = harness.stage(Fixtures.write(dir, name, content));
    components.activities().parse(staged);

    assertThat(harness.stagedText(staged))
        .as(name)
        .contains("Volcanic soil feeds the vineyards")
        .contains("Café owners");
  }
}
