package io.apex.temporal.workflows.internal.ingestion;

import io.apex.temporal.workflows.ingestion.DeletionRequest;
import io.apex.temporal.workflows.ingestion.DeletionResult;
import io.apex.temporal.workflows.ingestion.DocumentDeletionWorkflow;
import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/** One idempotent activity, retried until it succeeds; a malformed request fails at once. */
public class DocumentDeletionWorkflowImpl implements DocumentDeletionWorkflow {
  private static final Logger log = Workflow.getLogger(DocumentDeletionWorkflowImpl.class);

  @Override
  public DeletionResult delete(DeletionRequest request) {
    if (request == null || request.documentId() == null || request.documentId().isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "expected a DeletionRequest {\"documentId\": non-empty}, got "
              + (request == null ? "no input" : "no documentId"),
          IngestionFailures.INVALID_REQUEST);
    }
    boolean removed =
        Workflow.newActivityStub(
                DocumentIngestionActivities.class, IngestionActivityOptions.delete())
            .deleteDocument(request);
    log.info(
        "document {} deleted ({})",
        request.documentId(),
        removed ? "its stored version removed" : "no stored version was left");
    return new DeletionResult(request.documentId(), removed);
  }
}
