package io.apex.temporal.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Files built to hurt a parser: archives that inflate far beyond their size, entity bombs. */
public final class HostileDocuments {
  private static final String PARAGRAPH =
      "<w:p><w:r><w:t>All work and no play makes a dull parser.</w:t></w:r></w:p>";

  private HostileDocuments() {}

  /**
   * A valid DOCX whose {@code word/document.xml} inflates to at least {@code inflatedBytes} of
   * paragraphs, streamed into the archive so that building it needs no such memory.
   */
  public static byte[] docxBomb(long inflatedBytes) {
    return ooxmlBomb(
        SampleDocuments.docx(List.of("a bomb")), "word/document.xml", inflatedBytes, PARAGRAPH);
  }

  /** A valid XLSX whose shared strings inflate to at least {@code inflatedBytes}. */
  public static byte[] xlsxBomb(long inflatedBytes) {
    return ooxmlBomb(
        xlsx("a bomb"), "xl/sharedStrings.xml", inflatedBytes, "<si><t>a dull parser</t></si>");
  }

  private static byte[] xlsx(String cell) {
    try (var workbook = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      workbook.createSheet("sheet").createRow(0).createCell(0).setCellValue(cell);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The archive with {@code entry} replaced by an XML body of {@code unit} repeated to {@code
   * inflatedBytes}, inside the original entry's root element (kept from its first tag).
   */
  private static byte[] ooxmlBomb(byte[] archive, String entry, long inflatedBytes, String unit) {
    try (var out = new ByteArrayOutputStream();
        var zip = new ZipOutputStream(out);
        var in = new ZipInputStream(new ByteArrayInputStream(archive))) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] original = in.readAllBytes();
        zip.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(entry)) {
          writeInflated(zip, new String(original, StandardCharsets.UTF_8), inflatedBytes, unit);
        } else {
          zip.write(original);
        }
        zip.closeEntry();
      }
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The original document with {@code unit} repeated where its body's content begins. */
  private static void writeInflated(OutputStream out, String original, long bytes, String unit)
      throws IOException {
    String opening = wordBodyOpening(original);
    out.write(opening.getBytes(StandardCharsets.UTF_8));
    byte[] block = unit.repeat(1 + 64 * 1024 / unit.length()).getBytes(StandardCharsets.UTF_8);
    for (long written = 0; written < bytes; written += block.length) {
      out.write(block);
    }
    out.write(original.substring(opening.length()).getBytes(StandardCharsets.UTF_8));
  }

  /** Everything up to and including the body's opening tag (or the root's, for other parts). */
  private static String wordBodyOpening(String xml) {
    int body = xml.indexOf("<w:body>");
    if (body >= 0) {
      return xml.substring(0, body + "<w:body>".length());
    }
    int root = xml.indexOf('>', xml.indexOf("<", xml.indexOf("?>") + 2));
    return xml.substring(0, root + 1);
  }

  /**
   * A one-page PDF whose Flate-compressed content stream inflates to at least {@code inflatedBytes}
   * of drawing operators (no text), a few MB on disk.
   */
  public static byte[] pdfBomb(long inflatedBytes) {
    try {
      var stream = new ByteArrayOutputStream();
      try (var deflate =
          new DeflaterOutputStream(stream, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
        byte[] block = "0 0 m 1 1 l S\n".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        for (long written = 0; written < inflatedBytes; written += block.length) {
          deflate.write(block);
        }
      }
      var pdf = new ByteArrayOutputStream();
      List<Integer> offsets = new ArrayList<>();
      pdf.write("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
      String[] objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
      };
      for (int i = 0; i < objects.length; i++) {
        offsets.add(pdf.size());
        String object = (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
        pdf.write(object.getBytes(StandardCharsets.US_ASCII));
      }
      offsets.add(pdf.size());
      pdf.write(
          ("4 0 obj\n<< /Length " + stream.size() + " /Filter /FlateDecode >>\nstream\n")
              .getBytes(StandardCharsets.US_ASCII));
      stream.writeTo(pdf);
      pdf.write("\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
      int xref = pdf.size();
      var tail = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
      for (int offset : offsets) {
        tail.append(String.format("%010d 00000 n \n", offset));
      }
      tail.append("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n")
          .append(xref)
          .append("\n%%EOF\n");
      pdf.write(tail.toString().getBytes(StandardCharsets.US_ASCII));
      return pdf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An XML document whose one entity expands to about 10^9 characters ("billion laughs"). */
  public static byte[] billionLaughsXml() {
    var dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n");
    dtd.append(" <!ENTITY lol0 \"lollollollollollollollollollol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append(" <!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    dtd.append("]>\n<lolz>&lol9;</lolz>\n");
    return dtd.toString().getBytes(StandardCharsets.UTF_8);
  }
}
