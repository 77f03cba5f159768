package io.apex.temporal.client;

/**
 * How one document's ingestion ended, as the command line prints it: {@code <OK|UNCHANGED|FAILED>
 * <document_id> <path> <chunks> <entities> [reason]}.
 */
public record DocumentOutcome(
    Kind kind, String documentId, String path, int chunks, int entities, String reason) {

  public enum Kind {
    OK,
    UNCHANGED,
    FAILED
  }

  public static DocumentOutcome failed(String documentId, String path, String reason) {
    return new DocumentOutcome(Kind.FAILED, documentId, path, 0, 0, reason);
  }

  public String line() {
    String line = kind + " " + documentId + " " + path + " " + chunks + " " + entities;
    return reason == null || reason.isEmpty() ? line : line + " " + reason.replace('\n', ' ');
  }
}
