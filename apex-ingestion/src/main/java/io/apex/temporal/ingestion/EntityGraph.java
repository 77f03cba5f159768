package io.apex.temporal.ingestion;

import java.util.List;
import java.util.Optional;

/** The document-to-entity graph as readers see it: entities by name, and their neighbourhood. */
public interface EntityGraph {
  /**
   * Entities of stored documents whose name contains {@code text} (any, when null or blank), of
   * {@code kind} when not null, most mentioned first.
   */
  List<EntitySummary> find(String text, String kind, int limit);

  /** The entity with its documents and related entities; empty when no stored document has it. */
  Optional<EntityDetail> find(long entityId);
}
