package io.apex.temporal.api;

import io.apex.temporal.ingestion.AccessKeys;
import io.apex.temporal.ingestion.DocumentCatalog;
import io.apex.temporal.ingestion.DocumentSearch;
import io.apex.temporal.ingestion.EntityGraph;
import io.apex.temporal.ingestion.IngestionComponents;
import io.temporal.client.WorkflowClient;

/**
 * What the API serves from: the store's documents, search and entities, its API keys, and a
 * workflow client that starts ingestions and deletions on {@code taskQueue}.
 */
public record MemoryService(
    DocumentCatalog catalog,
    DocumentSearch search,
    EntityGraph entities,
    AccessKeys keys,
    WorkflowClient workflows,
    String taskQueue) {

  /** The parts of started ingestion components, with this client and task queue. */
  public static MemoryService of(
      IngestionComponents components, WorkflowClient workflows, String taskQueue) {
    return new MemoryService(
        components.catalog(),
        components.search(),
        components.entities(),
        components.accessKeys(),
        workflows,
        taskQueue);
  }
}
