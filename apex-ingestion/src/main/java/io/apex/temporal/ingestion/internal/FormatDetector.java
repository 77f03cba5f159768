package io.apex.temporal.ingestion.internal;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Tells which format a file is, from its content and name, and refuses what is not a document we
 * ingest: binary files and unknown formats.
 */
final class FormatDetector {
  private static final Set<String> DOCUMENT_TYPES =
      Set.of(
          "application/pdf",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/msword",
          "application/vnd.ms-powerpoint",
          "application/rtf",
          "application/vnd.oasis.opendocument.text",
          "application/xhtml+xml",
          "application/xml",
          "application/json",
          "message/rfc822");

  private final Detector detector;

  FormatDetector(TikaConfig tika) {
    this.detector = tika.getDetector();
  }

  /**
   * The media type of a document we ingest, or an {@link InvalidDocumentException}. Text with a
   * UTF-16 or UTF-32 byte-order mark is looked at as UTF-8.
   */
  MediaType detect(byte[] stored, String fileName) {
    byte[] content = ByteOrderMark.asUtf8(stored);
    var metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    MediaType type;
    try (var in = TikaInputStream.get(new ByteArrayInputStream(content))) {
      type = detector.detect(in, metadata);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String base = type.getBaseType().toString();
    if (type.getType().equals("text") || DOCUMENT_TYPES.contains(base)) {
      if (type.getType().equals("text") && looksBinary(content)) {
        throw invalid(fileName, "is binary, not text (named like " + base + ")");
      }
      return type.getBaseType();
    }
    if (base.equals("application/octet-stream")) {
      throw invalid(fileName, "is binary or of an unknown format");
    }
    if (base.equals("application/zip") || base.equals("application/x-tika-ooxml")) {
      throw invalid(
          fileName,
          "is a damaged or truncated archive (detected " + base + "), not a readable document");
    }
    throw invalid(fileName, "has an unsupported format " + base);
  }

  /** NUL bytes or many control characters in the first 8 KiB: not text in any encoding we read. */
  static boolean looksBinary(byte[] content) {
    int n = Math.min(content.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = content[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
        control++;
      }
    }
    return n > 0 && control * 20 > n;
  }

  private static InvalidDocumentException invalid(String fileName, String what) {
    return new InvalidDocumentException(IngestionFailures.INVALID_DOCUMENT, fileName + " " + what);
  }
}
