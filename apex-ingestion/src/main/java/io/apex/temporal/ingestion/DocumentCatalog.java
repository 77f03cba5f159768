package io.apex.temporal.ingestion;

import java.util.List;
import java.util.Optional;

/**
 * The documents as the memory service shows them: stored versions and accepted uploads, one
 * document at a time or a page at a time, and the staging of uploaded content.
 */
public interface DocumentCatalog {
  /** The stored version and the latest upload of the document; empty when it has neither. */
  Optional<DocumentListing> find(String documentId);

  /**
   * Up to {@code limit} documents after {@code afterDocumentId} (null: from the first) in document
   * ID order, of one source when {@code source} is not null.
   */
  List<DocumentListing> page(String source, String afterDocumentId, int limit);

  /**
   * Stages uploaded content for the document under its content hash, unless it is already the
   * document's current version; staging the same content again changes nothing.
   */
  StagedUpload stageUpload(String documentId, String source, String fileName, byte[] content);

  /** Records the upload as the document's latest, whose ingestion is about to start. */
  void recordUpload(StagedUpload upload, String source, String fileName);
}
