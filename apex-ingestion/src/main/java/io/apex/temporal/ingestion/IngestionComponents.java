package io.apex.temporal.ingestion;

import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;

/**
 * The real local components behind the ingestion activities, started once per process: the
 * PostgreSQL store (embedded or by JDBC URL, migrated on start), the embedding model, the parser
 * and the search index. {@link #activities()} is thread-safe and shared by all activity threads.
 */
public final class IngestionComponents implements AutoCloseable {

  private IngestionComponents() {}

  /**
   * Connects to PostgreSQL by JDBC URL, or else to the embedded PostgreSQL on loopback at the
   * embedded port (started here unless another process of ours already runs it), migrates the
   * schema, loads the model and opens the search index.
   */
  public static IngestionComponents start(IngestionSettings settings) {
    throw new UnsupportedOperationException("not yet built");
  }

  /** The activity implementation, thread-safe, shared by all activity threads. */
  public DocumentIngestionActivities activities() {
    throw new UnsupportedOperationException("not yet built");
  }

  public DocumentSearch search() {
    throw new UnsupportedOperationException("not yet built");
  }

  public DocumentStore store() {
    throw new UnsupportedOperationException("not yet built");
  }

  /** Stops what {@link #start} started, each part bounded in time. */
  @Override
  public void close() {}
}
