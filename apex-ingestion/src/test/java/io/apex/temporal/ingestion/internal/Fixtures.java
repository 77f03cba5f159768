package io.apex.temporal.ingestion.internal;

import io.apex.temporal.testkit.SampleDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Documents of each format, made in the test by the test kit's generators. */
final class Fixtures {
  private Fixtures() {}

  static byte[] pdf(List<String> lines) {
    return SampleDocuments.pdf(lines);
  }

  static byte[] docx(List<String> paragraphs) {
    return SampleDocuments.docx(paragraphs);
  }

  static byte[] pptx(String title, List<String> bullets) {
    return SampleDocuments.pptx(title, bullets);
  }

  static Path write(Path dir, String name, byte[] content) {
    try {
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String name, String content) {
    return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** About one page (~2,800 characters) of prose about {@code topic}, varied by {@code seed}. */
  static String page(String topic, int seed) {
    var sentences =
        List.of(
            "This report covers %s in detail for the quarterly review number %d.",
            "The team studied %s across several sites and recorded every observation %d times.",
            "Findings about %s suggest that careful planning reduces cost by %d percent.",
            "Experts in %s met on day %d to agree on the next steps and the budget.",
            "A summary of %s follows, with the open questions listed at the end of section %d.",
            "Stakeholders asked how %s affects the schedule of milestone %d.",
            "The appendix lists the measurements on %s taken during week %d.");
    var out = new StringBuilder();
    int i = 0;
    while (out.length() < 2800) {
      out.append(String.format(sentences.get((i + seed) % sentences.size()), topic, seed + i))
          .append(' ');
      if (++i % 5 == 0) {
        out.append("\n\n");
      }
    }
    return out.toString();
  }
}
