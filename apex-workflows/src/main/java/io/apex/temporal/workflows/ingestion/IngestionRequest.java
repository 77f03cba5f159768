package io.apex.temporal.workflows.ingestion;

/**
 * What to ingest, under a source label: either a file the workers may read, named by its absolute
 * path under one of the worker's allowed roots, or content the memory service already staged in the
 * store ({@code uploadSha256} set: its SHA-256, and {@code path} is the upload's file name). No
 * content ever travels in the request. {@code documentId} is stable for one source and path ({@link
 * DocumentIds#of}) unless the caller gives its own.
 */
public record IngestionRequest(String documentId, String source, String path, String uploadSha256) {

  /** A file the workers read by its absolute path. */
  public IngestionRequest(String documentId, String source, String path) {
    this(documentId, source, path, null);
  }

  /** Content the memory service staged under its hash; {@code fileName} names it. */
  public static IngestionRequest uploaded(
      String documentId, String source, String fileName, String sha256) {
    return new IngestionRequest(documentId, source, fileName, sha256);
  }
}
