package io.apex.temporal.ingestion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Documents of each format, made in the test with the libraries Tika brings. */
final class Fixtures {
  private Fixtures() {}

  static byte[] pdf(List<String> lines) {
    try (var doc = new PDDocument();
        var out = new ByteArrayOutputStream()) {
      var page = new PDPage();
      doc.addPage(page);
      try (var content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.setLeading(14);
        content.newLineAtOffset(50, 740);
        for (String line : lines) {
          content.showText(line);
          content.newLine();
        }
        content.endText();
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] docx(List<String> paragraphs) {
    try (var doc = new XWPFDocument();
        var out = new ByteArrayOutputStream()) {
      for (String p : paragraphs) {
        doc.createParagraph().createRun().setText(p);
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] pptx(String title, List<String> bullets) {
    try (var show = new XMLSlideShow();
        var out = new ByteArrayOutputStream()) {
      var slide = show.createSlide();
      var box = slide.createTextBox();
      box.setText(title);
      for (String b : bullets) {
        box.addNewTextParagraph().addNewTextRun().setText(b);
      }
      show.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
