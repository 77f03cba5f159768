package io.apex.temporal.worker.internal.cli;

/**
 * How one document's ingestion ended, as {@code ingest} prints it: {@code <OK|UNCHANGED|FAILED>
 * <document_id> <path> <chunks> <entities> [reason]}, with control characters escaped.
 */
record IngestLine(
    Kind kind, String documentId, String path, int chunks, int entities, String reason) {
  enum Kind {
    OK,
    UNCHANGED,
    FAILED
  }

  static IngestLine failed(String documentId, String path, String reason) {
    return new IngestLine(Kind.FAILED, documentId, path, 0, 0, reason);
  }

  String line() {
    String line =
        kind + " " + documentId + " " + Printable.of(path) + " " + chunks + " " + entities;
    return reason == null || reason.isEmpty() ? line : line + " " + Printable.of(reason);
  }
}
