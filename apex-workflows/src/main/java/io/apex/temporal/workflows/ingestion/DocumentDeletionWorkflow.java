package io.apex.temporal.workflows.ingestion;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Deletes one document: its stored versions, chunks, vectors, mentions, staged versions and index
 * entries, in one idempotent activity retried until it succeeds, so that a worker killed mid-delete
 * loses nothing: the retry finishes the job.
 */
@WorkflowInterface
public interface DocumentDeletionWorkflow {
  String TYPE = "DocumentDeletionWorkflow";

  /** The workflow ID of a document's deletion: one deletion per document at a time. */
  static String workflowId(String documentId) {
    return "delete-" + documentId;
  }

  @WorkflowMethod(name = TYPE)
  DeletionResult delete(DeletionRequest request);
}
