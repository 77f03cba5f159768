package io.apex.temporal.ingestion;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.StagedDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a document by its path, refuses what can never be ingested, and stages its content in the
 * store under a key made of the document ID and the content hash, unless the store already holds
 * exactly this content as the document's current version.
 */
final class DocumentStager {
  private final long maxDocumentBytes;
  private final DocumentParser formats;
  private final DocumentTables documents;
  private final StagingTables staging;

  DocumentStager(
      long maxDocumentBytes,
      DocumentParser formats,
      DocumentTables documents,
      StagingTables staging) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.formats = formats;
    this.documents = documents;
    this.staging = staging;
  }

  StagedDocument stage(IngestionRequest request) {
    if (request != null && request.uploadSha256() != null) {
      return stageUploaded(request);
    }
    validate(request);
    Path path = Path.of(request.path());
    byte[] content = read(path);
    String sha256 = sha256(content);
    String stagingKey = stagingKey(request.documentId(), sha256);
    var current = documents.find(request.documentId());
    int storedChunks = current.map(StoredDocument::chunks).orElse(0);
    int storedEntities = current.map(StoredDocument::entities).orElse(0);
    if (current.isPresent() && current.get().contentSha256().equals(sha256)) {
      return new StagedDocument(
          request.documentId(),
          request.source(),
          request.path(),
          stagingKey,
          sha256,
          content.length,
          true,
          storedChunks,
          storedEntities);
    }
    // Refuse binary and unknown formats here, before anything is staged.
    formats.detect(content, fileName(path));
    staging.stage(
        stagingKey, request.documentId(), request.source(), request.path(), sha256, content);
    return new StagedDocument(
        request.documentId(),
        request.source(),
        request.path(),
        stagingKey,
        sha256,
        content.length,
        false,
        storedChunks,
        storedEntities);
  }

  /** Where a version of a document is staged: one key per document and content. */
  static String stagingKey(String documentId, String sha256) {
    return documentId + ":" + sha256;
  }

  /**
   * Content that the memory service staged when it took the upload: nothing is read from a path;
   * the staged bytes are checked like a file's.
   */
  private StagedDocument stageUploaded(IngestionRequest request) {
    String stagingKey = stagingKey(request.documentId(), request.uploadSha256());
    var current = documents.find(request.documentId());
    int storedChunks = current.map(StoredDocument::chunks).orElse(0);
    int storedEntities = current.map(StoredDocument::entities).orElse(0);
    boolean unchanged =
        current.isPresent() && current.get().contentSha256().equals(request.uploadSha256());
    long size;
    if (unchanged) {
      size = current.get().sizeBytes();
    } else {
      var staged =
          staging
              .content(stagingKey)
              .orElseThrow(
                  () ->
                      notFound(
                          "the upload of "
                              + request.path()
                              + " is no longer staged (removed, or swept as a leftover):"
                              + " upload it again"));
      size = staged.content().length;
      checkSize(request.path(), size);
      formats.detect(staged.content(), request.path());
    }
    return new StagedDocument(
        request.documentId(),
        request.source(),
        request.path(),
        stagingKey,
        request.uploadSha256(),
        size,
        unchanged,
        storedChunks,
        storedEntities);
  }

  private static void validate(IngestionRequest request) {
    if (request == null) {
      throw new InvalidDocumentException(IngestionFailures.INVALID_REQUEST, "no request");
    }
    if (request.documentId() == null || request.documentId().isBlank()) {
      throw new InvalidDocumentException(
          IngestionFailures.INVALID_REQUEST, "the request has no document ID");
    }
    if (request.source() == null) {
      throw new InvalidDocumentException(
          IngestionFailures.INVALID_REQUEST, "the request has no source");
    }
    if (request.path() == null || request.path().isBlank()) {
      throw new InvalidDocumentException(
          IngestionFailures.INVALID_REQUEST, "the request has no path");
    }
    try {
      if (!Path.of(request.path()).isAbsolute()) {
        throw new InvalidDocumentException(
            IngestionFailures.INVALID_REQUEST,
            "path " + request.path() + " is not absolute: workers resolve no relative paths");
      }
    } catch (InvalidPathException e) {
      throw new InvalidDocumentException(
          IngestionFailures.INVALID_REQUEST, "path " + request.path() + " is not a valid path");
    }
  }

  private byte[] read(Path path) {
    if (!Files.exists(path)) {
      throw notFound(path + " does not exist");
    }
    if (!Files.isRegularFile(path)) {
      throw notFound(path + " is not a regular file");
    }
    if (!Files.isReadable(path)) {
      throw notFound(path + " cannot be read (permission denied)");
    }
    try {
      long size = Files.size(path);
      checkSize(path.toString(), size);
      byte[] content = Files.readAllBytes(path);
      checkSize(path.toString(), content.length);
      return content;
    } catch (NoSuchFileException e) {
      throw notFound(path + " does not exist");
    } catch (AccessDeniedException e) {
      throw notFound(path + " cannot be read (permission denied)");
    } catch (IOException e) {
      // An I/O error may pass (a network file system): left retryable.
      throw new UncheckedIOException("reading " + path + " failed", e);
    }
  }

  private void checkSize(String path, long size) {
    if (size == 0) {
      throw new InvalidDocumentException(IngestionFailures.INVALID_DOCUMENT, path + " is empty");
    }
    if (size > maxDocumentBytes) {
      throw new InvalidDocumentException(
          IngestionFailures.INVALID_DOCUMENT,
          path + " is " + size + " bytes, more than the limit of " + maxDocumentBytes + " bytes");
    }
  }

  static String fileName(Path path) {
    Path name = path.getFileName();
    return name == null ? path.toString() : name.toString();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static InvalidDocumentException notFound(String reason) {
    return new InvalidDocumentException(IngestionFailures.NOT_FOUND, reason);
  }
}
