package io.apex.temporal.workflows.ingestion;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The steps of an ingestion. Each takes and returns references and counts only: the content, the
 * chunks, the entities and the embeddings are kept in the store under the staging key, never in a
 * payload. Every method is idempotent, so a retry after a crash leaves exactly one copy of
 * everything. Input that can never succeed fails with a non-retryable {@code ApplicationFailure} of
 * one of the types in {@link IngestionFailures}, whose message is the reason.
 */
@ActivityInterface
public interface DocumentIngestionActivities {

  /** Reads the file, records its content hash, and stages the content unless it is unchanged. */
  @ActivityMethod(name = "stage_document")
  StagedDocument stage(IngestionRequest request);

  /** Parses the staged content to text and splits it into overlapping chunks. */
  @ActivityMethod(name = "parse_document")
  ParsedDocument parse(StagedDocument staged);

  /** Finds entities and their mentions in the staged chunks. */
  @ActivityMethod(name = "extract_entities")
  int extractEntities(StagedDocument staged);

  /** Embeds the staged chunks, in batches. Returns how many chunks were embedded. */
  @ActivityMethod(name = "generate_embeddings")
  int generateEmbeddings(StagedDocument staged);

  /**
   * Makes the staged version the document's current one, replacing an older version's chunks,
   * embeddings and entities in one transaction, and makes it searchable.
   */
  @ActivityMethod(name = "write_document")
  WrittenDocument write(StagedDocument staged);

  /** Compensation: undoes {@link #write} of this staged version, restoring nothing newer. */
  @ActivityMethod(name = "delete_written_version")
  void deleteWrittenVersion(StagedDocument staged);

  /**
   * Deletes the document with everything stored for it, and drops it from the search indexes.
   * Returns whether a stored version was removed; deleting a deleted document changes nothing.
   */
  @ActivityMethod(name = "delete_document")
  boolean deleteDocument(DeletionRequest request);

  /** Removes what staging kept for this version; harmless when nothing is left. */
  @ActivityMethod(name = "cleanup_staging")
  void cleanup(StagedDocument staged);
}
