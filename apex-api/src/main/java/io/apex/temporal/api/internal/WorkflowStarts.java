package io.apex.temporal.api.internal;

import io.apex.temporal.workflows.ingestion.DeletionRequest;
import io.apex.temporal.workflows.ingestion.DocumentDeletionWorkflow;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/**
 * Starts a document's ingestion or deletion, one workflow per document and kind at a time: a
 * running one is joined (conflict policy use-existing), a closed one may run again.
 */
public final class WorkflowStarts {
  private final WorkflowClient client;
  private final String taskQueue;

  public WorkflowStarts(WorkflowClient client, String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  /** Returns the workflow ID. */
  public String ingest(IngestionRequest request) {
    String workflowId = DocumentIngestionWorkflow.workflowId(request.documentId());
    client
        .newUntypedWorkflowStub(DocumentIngestionWorkflow.TYPE, options(workflowId))
        .start(request);
    return workflowId;
  }

  /** Returns the workflow ID. */
  public String delete(String documentId) {
    String workflowId = DocumentDeletionWorkflow.workflowId(documentId);
    client
        .newUntypedWorkflowStub(DocumentDeletionWorkflow.TYPE, options(workflowId))
        .start(new DeletionRequest(documentId));
    return workflowId;
  }

  private WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setWorkflowId(workflowId)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .build();
  }
}
