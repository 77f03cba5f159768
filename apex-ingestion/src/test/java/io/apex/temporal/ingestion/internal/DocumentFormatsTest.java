package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Each format parses to its text; each kind of bad input fails non-retryably with a reason. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentFormatsTest {
  private Path dir;
  private IngestionParts components;
  private IngestionHarness harness;

  @BeforeAll
  void start(@TempDir Path tempDir) {
    dir = tempDir;
    components =
        IngestionParts.start(
            TestStores.settings(dir.resolve("data")).withMaxDocumentBytes(1024 * 1024));
    harness = new IngestionHarness(components);
  }

  @AfterAll
  void stop() {
    components.close();
  }

  private String parsedText(Path file, String expectedMediaType) {
    var staged = harness.stage(file);
    var parsed = components.activities().parse(staged);
    assertThat(parsed.mediaType()).isEqualTo(expectedMediaType);
    assertThat(parsed.chunks()).isPositive();
    return harness.stagedText(staged);
  }

  @Test
  void pdfTextIsExtracted() {
    var file =
        Fixtures.write(
            dir,
            "report.pdf",
            Fixtures.pdf(List.of("Quarterly report on glacier retreat", "Invoice INV-2024-0042")));
    assertThat(parsedText(file, "application/pdf"))
        .contains("Quarterly report on glacier retreat")
        .contains("INV-2024-0042");
  }

  @Test
  void docxTextIsExtracted() {
    var file =
        Fixtures.write(
            dir,
            "memo.docx",
            Fixtures.docx(List.of("Memo about the harbour crane", "Second part")));
    assertThat(
            parsedText(
                file, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .contains("Memo about the harbour crane")
        .contains("Second part");
  }

  @Test
  void pptxTextIsExtracted() {
    var file =
        Fixtures.write(
            dir, "deck.pptx", Fixtures.pptx("Roadmap for solar farms", List.of("Phase one")));
    assertThat(
            parsedText(
                file, "application/vnd.openxmlformats-officedocument.presentationml.presentation"))
        .contains("Roadmap for solar farms")
        .contains("Phase one");
  }

  @Test
  void htmlTextIsExtractedWithoutScriptOrStyle() {
    var file =
        Fixtures.write(
            dir,
            "page.html",
            "<html><head><title>Bee keeping</title><style>body { color: red; }</style>"
                + "<script>var secretToken = 'do-not-index';</script></head>"
                + "<body><h1>Bee keeping</h1><p>Hives need inspection in spring.</p>"
                + "<script>alert('nope')</script></body></html>");
    assertThat(parsedText(file, "text/html"))
        .contains("Hives need inspection in spring.")
        .doesNotContain("secretToken")
        .doesNotContain("alert")
        .doesNotContain("color: red");
  }

  @Test
  void markdownTextIsExtracted() {
    var file =
        Fixtures.write(
            dir, "notes.md", "# Sourdough notes\n\n- Feed the starter daily\n- Bake at 250 C\n");
    assertThat(parsedText(file, "text/markdown"))
        .contains("Sourdough notes")
        .contains("Feed the starter daily");
  }

  @Test
  void plainTextIsExtracted() {
    var file = Fixtures.write(dir, "plain.txt", "Tide tables for the northern coast.\n");
    assertThat(parsedText(file, "text/plain")).contains("Tide tables for the northern coast.");
  }

  /** Not UTF-8, so not read as it is: Tika detects its charset, as for any text before. */
  @Test
  void plainTextInLatin1IsStillReadInItsOwnCharset() {
    var file =
        Fixtures.write(
            dir,
            "fjord.txt",
            "Tide tables for Fjörður and Ísafjörður, the northern coast.\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(parsedText(file, "text/plain")).contains("Fjörður and Ísafjörður");
  }

  private ApplicationFailure failureOfStageAndParse(Path file) {
    try {
      var staged = harness.stage(file);
      components.activities().parse(staged);
    } catch (ApplicationFailure e) {
      return e;
    }
    throw new AssertionError(file + " was accepted");
  }

  private void assertInvalid(Path file, String type, String reasonPart) {
    var failure = failureOfStageAndParse(file);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(type);
    assertThat(failure.getOriginalMessage())
        .contains(file.getFileName().toString())
        .contains(reasonPart);
  }

  @Test
  void emptyFileFails() {
    assertInvalid(
        Fixtures.write(dir, "empty.txt", new byte[0]),
        IngestionFailures.INVALID_DOCUMENT,
        "is empty");
  }

  @Test
  void corruptPdfFails() {
    byte[] garbage = new byte[4000];
    new Random(7).nextBytes(garbage);
    byte[] content = new byte[garbage.length + 9];
    System.arraycopy("%PDF-1.7\n".getBytes(), 0, content, 0, 9);
    System.arraycopy(garbage, 0, content, 9, garbage.length);
    assertInvalid(
        Fixtures.write(dir, "corrupt.pdf", content),
        IngestionFailures.INVALID_DOCUMENT,
        "corrupt or truncated");
  }

  @Test
  void truncatedPdfFails() {
    byte[] pdf = Fixtures.pdf(List.of("A page that will be cut in half"));
    assertInvalid(
        Fixtures.write(dir, "truncated.pdf", Arrays.copyOf(pdf, pdf.length / 2)),
        IngestionFailures.INVALID_DOCUMENT,
        "truncated");
  }

  @Test
  void truncatedDocxFails() {
    byte[] docx = Fixtures.docx(List.of("A memo that will be cut in half", "more text here"));
    assertInvalid(
        Fixtures.write(dir, "truncated.docx", Arrays.copyOf(docx, docx.length / 2)),
        IngestionFailures.INVALID_DOCUMENT,
        "truncated");
  }

  @Test
  void binaryFileFails() {
    byte[] binary = new byte[5000];
    new Random(11).nextBytes(binary);
    assertInvalid(
        Fixtures.write(dir, "blob.bin", binary), IngestionFailures.INVALID_DOCUMENT, "binary");
  }

  @Test
  void binaryFileNamedAsTextFails() {
    byte[] binary = new byte[5000];
    new Random(13).nextBytes(binary);
    assertInvalid(
        Fixtures.write(dir, "disguised.txt", binary), IngestionFailures.INVALID_DOCUMENT, "binary");
  }

  @Test
  void tooLargeFileFails() {
    assertInvalid(
        Fixtures.write(dir, "huge.txt", "word ".repeat(300_000)),
        IngestionFailures.INVALID_DOCUMENT,
        "more than the limit of 1048576 bytes");
  }

  @Test
  void missingFileFails() {
    assertInvalid(dir.resolve("missing.txt"), IngestionFailures.NOT_FOUND, "does not exist");
  }

  @Test
  void directoryIsNotADocument() throws Exception {
    assertInvalid(
        Files.createDirectories(dir.resolve("folder.txt")),
        IngestionFailures.NOT_FOUND,
        "not a regular file");
  }

  @Test
  void relativePathIsRefused() {
    var failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            ApplicationFailure.class,
            () -> components.activities().stage(new IngestionRequest("x", "test", "relative.txt")));
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(IngestionFailures.INVALID_REQUEST);
  }

  @Test
  void badInputLeavesNothingStaged() {
    int before = TestStores.rows(components, "staged_documents");
    assertThatThrownBy(() -> harness.stage(Fixtures.write(dir, "empty2.txt", new byte[0])))
        .isInstanceOf(ApplicationFailure.class);
    assertThat(TestStores.rows(components, "staged_documents")).isEqualTo(before);
  }
}
