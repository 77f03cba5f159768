package io.apex.temporal.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.testkit.ChildProcess;
import io.apex.temporal.testkit.HostileDocuments;
import io.apex.temporal.workflows.ingestion.IngestionFailures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document built to inflate far beyond its size (a 4 MB DOCX whose text part unpacks to 1 GB)
 * fails at once and non-retryably, saying so, instead of taking the worker's heap.
 */
class ZipBombTest {
  private static final long ONE_GIB = 1L << 30;
  private static final byte[] DOCX_BOMB = HostileDocuments.docxBomb(ONE_GIB);

  @TempDir Path dir;

  @Test
  void aDocxThatInflatesToOneGigabyteIsRefusedAsAZipBombWithinSeconds() {
    byte[] bomb = DOCX_BOMB;
    assertThat(bomb.length).isLessThan(8 << 20);
    try (var parser = new DocumentParser(TikaConfig.getDefaultConfig(), Duration.ofSeconds(60))) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> parser.parse(bomb, "bomb.docx"))
          .isInstanceOfSatisfying(
              InvalidDocumentException.class,
              e -> assertThat(e.failureType()).isEqualTo(IngestionFailures.INVALID_DOCUMENT))
          .hasMessageContaining("bomb.docx expands beyond 256 MB");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void aSpreadsheetThatInflatesToOneGigabyteIsRefusedAsAZipBomb() {
    byte[] bomb = HostileDocuments.xlsxBomb(ONE_GIB);
    try (var parser = new DocumentParser(TikaConfig.getDefaultConfig(), Duration.ofSeconds(60))) {
      assertThatThrownBy(() -> parser.parse(bomb, "bomb.xlsx"))
          .isInstanceOf(InvalidDocumentException.class)
          .hasMessageContaining("bomb.xlsx expands beyond 256 MB");
    }
  }

  @Test
  void nestedEntitiesInXmlOrHtmlAreNotExpandedABillionTimes() {
    byte[] laughs = HostileDocuments.billionLaughsXml();
    try (var parser = new DocumentParser(TikaConfig.getDefaultConfig(), Duration.ofSeconds(60))) {
      for (String name : List.of("laughs.xml", "laughs.html", "laughs.xhtml")) {
        long t0 = System.nanoTime();
        String text;
        try {
          text = parser.parse(laughs, name).text();
        } catch (InvalidDocumentException e) {
          text = "";
        }
        assertThat(text.length()).as(name).isLessThan(1_000_000);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
      }
    }
  }

  /**
   * As the probe: the shipped container's heap (1.5 GiB, exit on OutOfMemoryError), the
   * bomb twice and a PDF stream bomb beside good documents, all at once through the real
   * activities.
   */
  @Test
  void aWorkerWithTheContainersHeapSurvivesTheBombAndIngestsTheGoodFiles() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("inbox"));
    Fixtures.write(folder, "bomb-1.docx", DOCX_BOMB);
    Fixtures.write(folder, "bomb-2.docx", DOCX_BOMB);
    // A sibling: a PDF whose content stream inflates to 1 GB of drawing operators (no text).
    Fixtures.write(folder, "bomb.pdf", HostileDocuments.pdfBomb(ONE_GIB));
    Fixtures.write(
        folder,
        "good.docx",
        Fixtures.docx(List.of(Fixtures.page("harbour cranes", 1), Fixtures.page("tides", 2))));
    Fixtures.write(folder, "good.txt", Fixtures.page("volcanic soil", 3));
    Fixtures.write(
        folder,
        "good.pdf",
        Fixtures.pdf(List.of("Arctic sea ice thins each summer.", "Ships now cross the north.")));

    var finished =
        ChildProcess.command(
                "worker on a 1.5 GiB heap",
                List.of(
                    ChildProcess.java(),
                    "-Xmx1536m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-cp",
                    System.getProperty("java.class.path"),
                    HostileIngestion.class.getName(),
                    folder.toString(),
                    dir.resolve("data").toString()))
            .separateErrors()
            .run(Duration.ofMinutes(4));

    assertThat(finished.exitCode()).as(finished.errors()).isZero();
    List<String> lines =
        finished.output().lines().filter(l -> l.startsWith("OK ") || l.startsWith("FAIL")).toList();
    // PDFBox streams the content: the parse ends at its time limit (or with no text), heap flat.
    assertThat(lines)
        .filteredOn(line -> line.startsWith("FAILED bomb.pdf "))
        .singleElement()
        .asString()
        .startsWith(
            "FAILED bomb.pdf "
                + IngestionFailures.INVALID_DOCUMENT
                + " non-retryable: bomb.pdf (application/pdf) ");
    assertThat(lines.stream().filter(line -> !line.startsWith("FAILED bomb.pdf ")))
        .containsExactlyInAnyOrder(
            "OK good.docx",
            "OK good.pdf",
            "OK good.txt",
            "FAILED bomb-1.docx "
                + IngestionFailures.INVALID_DOCUMENT
                + " non-retryable: bomb-1.docx expands beyond 256 MB when unpacked"
                + " (word/document.xml): refused as a zip bomb",
            "FAILED bomb-2.docx "
                + IngestionFailures.INVALID_DOCUMENT
                + " non-retryable: bomb-2.docx expands beyond 256 MB when unpacked"
                + " (word/document.xml): refused as a zip bomb");
    assertThat(finished.output()).contains("DONE");
  }
}
