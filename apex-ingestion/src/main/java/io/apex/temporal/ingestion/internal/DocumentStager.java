package io.apex.temporal.ingestion.internal;

import io.apex.temporal.ingestion.StoredDocument;
import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.StagedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Reads a document by its path, refuses what can never be ingested, and stages its content in the
 * store under a key made of the document ID and the content hash, unless the store already holds
 * exactly this content as the document's current version.
 */
final class DocumentStager {
  private final long maxDocumentBytes;
  private final ReadableRoots roots;
  private final DocumentParser formats;
  private final DocumentTables documents;
  private final StagingTables staging;

  DocumentStager(
      long maxDocumentBytes,
      ReadableRoots roots,
      DocumentParser formats,
      DocumentTables documents,
      StagingTables staging) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.roots = roots;
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

  /**
   * Reads the file once, through one handle: it must be under an ingest root, be a regular file and
   * no link (the handle is opened without following a final link), and at most the limit plus one
   * byte is read whatever the handle turns out to be. Checking a path and then reading it by path
   * again let a swap to a link to /dev/zero in between read without end.
   */
  private byte[] read(Path path) {
    try {
      Path located = roots.locate(path);
      var attributes =
          Files.readAttributes(located, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isSymbolicLink()) {
        throw notFound(path + " is a symbolic link: links are not followed");
      }
      if (!attributes.isRegularFile()) {
        throw notFound(path + " is not a regular file (" + kind(attributes) + ")");
      }
      checkSize(path.toString(), attributes.size());
      var options = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      try (var channel = Files.newByteChannel(located, options)) {
        byte[] content = readAtMost(Channels.newInputStream(channel), maxDocumentBytes);
        checkSize(path.toString(), content.length);
        return content;
      }
    } catch (NoSuchFileException e) {
      throw notFound(path + " does not exist" + where(path, e) + undecodable(path));
    } catch (AccessDeniedException e) {
      throw notFound(path + " cannot be read (permission denied" + where(path, e) + ")");
    } catch (FileSystemException e) {
      if (e.getReason() != null && e.getReason().contains("symbolic links")) {
        // ELOOP: the name became a link between the check and the open.
        throw notFound(path + " is a symbolic link: links are not followed");
      }
      throw new UncheckedIOException("reading " + path + " failed", e);
    } catch (IOException e) {
      // An I/O error may pass (a network file system): left retryable.
      throw new UncheckedIOException("reading " + path + " failed", e);
    }
  }

  /** At most {@code limit} + 1 bytes: one more than the limit tells that there are more. */
  static byte[] readAtMost(InputStream in, long limit) throws IOException {
    return in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
  }

  /** The directory the error names, when it is not the file itself. */
  private static String where(Path path, FileSystemException e) {
    return e.getFile() == null || Path.of(e.getFile()).equals(path) ? "" : ": at " + e.getFile();
  }

  /**
   * A name whose bytes are not valid in the worker's file-name encoding reaches it with U+FFFD in
   * their place, and no file has that name: say so rather than only "does not exist".
   */
  private static String undecodable(Path path) {
    return path.toString().indexOf('\uFFFD') >= 0
        ? " (its name holds bytes that are not valid UTF-8, replaced by U+FFFD on the way)"
        : "";
  }

  private static String kind(BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    return "a device, FIFO or socket";
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
