package io.apex.temporal.ingestion;

import java.util.Optional;

/** One document as the store knows it: its stored version, its latest upload, or both. */
public record DocumentListing(
    String documentId, Optional<StoredDocument> stored, Optional<DocumentRequest> request) {

  /** The source of the latest upload, else of the stored version. */
  public String source() {
    return request.map(DocumentRequest::source).orElseGet(() -> stored.orElseThrow().source());
  }

  /** True when the stored version is the latest upload's content (or nothing was uploaded). */
  public boolean storedIsLatest() {
    return stored.isPresent()
        && request.map(r -> r.contentSha256().equals(stored.get().contentSha256())).orElse(true);
  }
}
