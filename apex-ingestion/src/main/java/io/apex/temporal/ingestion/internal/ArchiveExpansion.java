package io.apex.temporal.ingestion.internal;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A bound on what a zip-based document (DOCX, XLSX, PPTX, ODT, EPUB, any zip) may unpack to: its
 * entries are inflated as a stream, counted and dropped, and the count stops at the bound. A zip
 * bomb (4 MB that inflate to 1 GB) is refused in about a second, holding no more than a buffer,
 * before a parser would build it in memory.
 */
final class ArchiveExpansion {
  private static final int BUFFER = 64 * 1024;

  private final long maxInflatedBytes;

  ArchiveExpansion(long maxInflatedBytes) {
    this.maxInflatedBytes = maxInflatedBytes;
  }

  long maxInflatedBytes() {
    return maxInflatedBytes;
  }

  /** The reason a person reads when a document would unpack to more than the bound. */
  String reason(String fileName, String where) {
    return fileName
        + " expands beyond "
        + (maxInflatedBytes >> 20)
        + " MB when unpacked"
        + (where == null ? "" : " (" + where + ")")
        + ": refused as a zip bomb";
  }

  /** Refuses a zip whose entries inflate, together, beyond the bound; other content passes. */
  void check(byte[] content, String fileName) {
    if (!isZip(content)) {
      return;
    }
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
          total += n;
          if (total > maxInflatedBytes) {
            throw new InvalidDocumentException(
                IngestionFailures.INVALID_DOCUMENT, reason(fileName, entry.getName()));
          }
        }
      }
    } catch (IOException e) {
      // An archive this reader cannot walk is left to the parser, which reads it with POI's or
      // Tika's own bounds and reports it damaged if it is.
    }
  }

  private static boolean isZip(byte[] content) {
    return content.length >= 4
        && content[0] == 'P'
        && content[1] == 'K'
        && content[2] == 3
        && content[3] == 4;
  }
}
