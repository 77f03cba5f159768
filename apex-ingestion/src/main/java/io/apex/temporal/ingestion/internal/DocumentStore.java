package io.apex.temporal.ingestion.internal;

import io.apex.temporal.ingestion.StoredDocument;
import java.util.Optional;

/** The system of record, as readers see it. */
interface DocumentStore {
  /** The document's current version, if one is stored. */
  Optional<StoredDocument> find(String documentId);
}
