package io.apex.temporal.ingestion;

import java.util.Optional;

/** The system of record, as readers see it. */
public interface DocumentStore {
  /** The document's current version, if one is stored. */
  Optional<StoredDocument> find(String documentId);
}
