package io.apex.temporal.ingestion;

import io.apex.temporal.ingestion.internal.IngestionParts;
import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;

/**
 * The real local components behind the ingestion activities, started once per process: the
 * PostgreSQL store (embedded or by JDBC URL, migrated on start), the embedding model, the parser
 * and the search index, and the readers the memory service needs over them. Every accessor returns
 * a thread-safe object shared by all threads; {@link #close()} stops the parts in reverse order.
 */
public final class IngestionComponents implements AutoCloseable {
  private final IngestionParts parts;

  private IngestionComponents(IngestionParts parts) {
    this.parts = parts;
  }

  /**
   * Connects to PostgreSQL by JDBC URL, or else to the embedded PostgreSQL on loopback at the
   * embedded port (started here unless another process of ours already runs it), migrates the
   * schema, loads the model and opens the search index.
   */
  public static IngestionComponents start(IngestionSettings settings) {
    return start(settings, IngestionMetrics.NONE);
  }

  /** As {@link #start(IngestionSettings)}, with the activities' measurements going to metrics. */
  public static IngestionComponents start(IngestionSettings settings, IngestionMetrics metrics) {
    return new IngestionComponents(IngestionParts.start(settings, metrics));
  }

  /**
   * The implementation of {@link DocumentIngestionActivities} that a worker registers for the
   * ingestion workflow ({@code WorkflowCatalog.withIngestion}); thread-safe, shared by all activity
   * threads.
   */
  public DocumentIngestionActivities activities() {
    return parts.activities();
  }

  /** Search over the stored chunks, in every mode, reflecting every committed write. */
  public DocumentSearch search() {
    return parts.search();
  }

  /** The documents as the memory service lists them, and the staging of uploads. */
  public DocumentCatalog catalog() {
    return parts.catalog();
  }

  /** The entities and where they are mentioned. */
  public EntityGraph entities() {
    return parts.entities();
  }

  /** The memory service's API keys. */
  public AccessKeys accessKeys() {
    return parts.accessKeys();
  }

  /**
   * How many chunks this process's search index holds, as its searches read it (from the last
   * commit when another process writes the index).
   */
  public int searchIndexChunks() {
    return parts.searchIndexChunks();
  }

  /**
   * How many segments this process's searches read: one once writes have paused and the index has
   * merged (a vector search walks each segment's graph), more while documents arrive; 0 when
   * another process writes the index.
   */
  public int searchIndexSegments() {
    return parts.searchIndexSegments();
  }

  /** Stops what {@link #start} started, in reverse order, each part bounded in time. */
  @Override
  public void close() {
    parts.close();
  }
}
