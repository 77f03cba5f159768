package io.apex.temporal.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Documents for ingestion tests and benchmarks, written with the libraries Tika itself uses: one
 * per supported format on distinct topics (each with a query that should find it first), and the
 * bad inputs a folder may hold (a corrupt PDF, an empty file, a binary file).
 */
public final class SampleDocuments {
  private static final int LINES_PER_PAGE = 45;

  private SampleDocuments() {}

  /** A document of the corpus and a query whose best match it is. */
  public record Sample(Path file, String query) {}

  /** Six documents, one per format (PDF, DOCX, PPTX, HTML, Markdown, text), in {@code dir}. */
  public static List<Sample> everyFormat(Path dir) {
    List<Sample> samples = new ArrayList<>();
    samples.add(
        new Sample(
            write(
                dir.resolve("volcanoes.pdf"),
                pdf(
                    paragraph(
                        "Volcanic eruptions in Iceland send lava flows and ash clouds across the glaciers;"
                            + " geologists monitor magma chambers and seismic tremors near the crater."))),
            "lava and magma from an erupting volcano"));
    samples.add(
        new Sample(
            write(
                dir.resolve("bread.docx"),
                docx(
                    paragraph(
                        "Sourdough bread baking starts with a starter of flour and water; the dough ferments"
                            + " overnight, then the loaf bakes in a hot oven until the crust is golden."))),
            "baking a sourdough loaf with a starter"));
    samples.add(
        new Sample(
            write(
                dir.resolve("sales.pptx"),
                pptx(
                    "Quarterly sales pipeline",
                    paragraph(
                        "The sales pipeline grew this quarter: revenue forecasts, closed deals and"
                            + " customer accounts per region, with the targets for the next quarter."))),
            "revenue forecast and closed deals this quarter"));
    samples.add(
        new Sample(
            write(
                dir.resolve("birds.html"),
                html(
                    "Migratory birds",
                    "Migratory birds such as swallows and storks fly thousands of kilometres south each"
                        + " autumn, following coastlines and resting in wetlands on the way.",
                    "var trackingPixel = 'zebra-quantum-script-text';")),
            "swallows and storks migrating south in autumn"));
    samples.add(
        new Sample(
            write(
                dir.resolve("kubernetes.md"),
                markdown(
                    "Cluster upgrades",
                    "Upgrading a Kubernetes cluster means draining each node, upgrading the control plane"
                        + " first, then the kubelets, and checking that every pod is rescheduled.")),
            "draining nodes to upgrade the kubernetes control plane"));
    samples.add(
        new Sample(
            write(
                dir.resolve("invoice.txt"),
                text(
                    "Invoice INV-2024-0042 from Acme Corporation to billing@example.com, due 2024-03-15:"
                        + " 1,250.00 EUR for consulting services, tracking TRK-778.")),
            "invoice amount due for consulting services"));
    return samples;
  }

  /** The bad inputs: a PDF cut short, an empty file, and random bytes. */
  public static Map<String, Path> badInputs(Path dir) {
    Map<String, Path> bad = new LinkedHashMap<>();
    byte[] pdf = pdf(paragraph("This PDF is cut short halfway through."));
    byte[] corrupt = new byte[pdf.length / 3];
    System.arraycopy(pdf, 0, corrupt, 0, corrupt.length);
    bad.put("corrupt pdf", write(dir.resolve("corrupt.pdf"), corrupt));
    bad.put("empty file", write(dir.resolve("empty.txt"), new byte[0]));
    byte[] binary = new byte[64 * 1024];
    new Random(42).nextBytes(binary);
    bad.put("binary file", write(dir.resolve("random.bin"), binary));
    return bad;
  }

  /** A plain-text document of about {@code pages} pages (45 lines of ~60 characters each). */
  public static String pages(String topic, int pages, int seed) {
    StringBuilder text = new StringBuilder();
    String[] sentences = {
      "The review of %s in period %d found steady progress and few open issues.",
      "Engineers working on %s logged %d observations during the field trials.",
      "A note on %s: the budget line %d was revised after the planning meeting.",
      "Customers asked how %s changes the delivery date of milestone %d."
    };
    for (int line = 0; line < pages * LINES_PER_PAGE; line++) {
      text.append(String.format(sentences[(line + seed) % sentences.length], topic, seed + line))
          .append(line % 6 == 5 ? "\n\n" : "\n");
    }
    return text.toString();
  }

  public static byte[] pdf(List<String> lines) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
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
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] docx(List<String> paragraphs) {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String paragraph : paragraphs) {
        document.createParagraph().createRun().setText(paragraph);
      }
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] pptx(String title, List<String> bullets) {
    try (XMLSlideShow show = new XMLSlideShow();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var box = show.createSlide().createTextBox();
      box.setText(title);
      for (String bullet : bullets) {
        box.addNewTextParagraph().addNewTextRun().setText(bullet);
      }
      show.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] html(String title, String body, String script) {
    return ("<!DOCTYPE html><html><head><title>"
            + title
            + "</title><script>"
            + script
            + "</script></head><body><h1>"
            + title
            + "</h1><p>"
            + body
            + "</p></body></html>")
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] markdown(String title, String body) {
    return ("# " + title + "\n\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] text(String body) {
    return (body + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The sentence split into PDF-width lines of about 70 characters. */
  private static List<String> paragraph(String sentence) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : sentence.split(" ")) {
      if (line.length() + word.length() > 70) {
        lines.add(line.toString().trim());
        line.setLength(0);
      }
      line.append(word).append(' ');
    }
    lines.add(line.toString().trim());
    return lines;
  }

  public static Path write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
