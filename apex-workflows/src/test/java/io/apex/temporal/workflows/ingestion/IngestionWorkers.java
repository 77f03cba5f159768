package io.apex.temporal.workflows.ingestion;

import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.internal.ingestion.DocumentIngestionWorkflowImpl;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

/** The ingestion workflow on a test environment's worker, with its search attributes known. */
final class IngestionWorkers {
  private IngestionWorkers() {}

  /** Registers the search attributes and the workflow; the caller adds activities and starts. */
  static Worker register(TestWorkflowEnvironment env, String taskQueue) {
    IngestionSearchAttributes.ALL.forEach(
        key ->
            env.registerSearchAttribute(
                key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Worker worker = env.newWorker(taskQueue);
    worker.registerWorkflowImplementationTypes(
        WorkflowCatalog.standard().implementationOptions(), DocumentIngestionWorkflowImpl.class);
    return worker;
  }
}
