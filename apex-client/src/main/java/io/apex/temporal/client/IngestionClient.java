package io.apex.temporal.client;

import io.apex.temporal.workflows.ingestion.DeletionRequest;
import io.apex.temporal.workflows.ingestion.DocumentDeletionWorkflow;
import io.apex.temporal.workflows.ingestion.DocumentIds;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import io.apex.temporal.workflows.ingestion.IngestionOutcome;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.IngestionResult;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts a document's ingestion (a file by path, or content the memory service staged) and turns
 * its ending into a {@link DocumentOutcome}, or starts its deletion. The memory service API, the
 * integration tests and the benchmarks share it.
 *
 * <p>The workflow ID is {@code ingest-<document id>}. A document whose ingestion is running is
 * joined rather than started again (conflict policy use-existing), so starting the same document
 * twice at once runs it once; once it has closed, it may run again (reuse policy allow-duplicate),
 * which for unchanged content ends at once as unchanged.
 */
public final class IngestionClient {
  private final WorkflowClient client;
  private final String taskQueue;

  public IngestionClient(WorkflowClient client, String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  /** Starts (or joins) the ingestion of a file the workers read by its absolute path. */
  public StartedIngestion start(String source, Path file) {
    String path = file.toAbsolutePath().normalize().toString();
    String documentId = DocumentIds.of(source, path);
    WorkflowStub stub =
        stub(DocumentIngestionWorkflow.TYPE, DocumentIngestionWorkflow.workflowId(documentId));
    String runId = stub.start(new IngestionRequest(documentId, source, path)).getRunId();
    return new StartedIngestion(documentId, path, runId, stub);
  }

  /**
   * Starts (or joins) the ingestion of this request, for example of content the memory service
   * staged ({@link IngestionRequest#uploaded}). Returns the workflow ID.
   */
  public String start(IngestionRequest request) {
    WorkflowStub stub =
        stub(
            DocumentIngestionWorkflow.TYPE,
            DocumentIngestionWorkflow.workflowId(request.documentId()));
    stub.start(request);
    return stub.getExecution().getWorkflowId();
  }

  /** Starts (or joins) the durable deletion of a document. Returns the workflow ID. */
  public String delete(String documentId) {
    WorkflowStub stub =
        stub(DocumentDeletionWorkflow.TYPE, DocumentDeletionWorkflow.workflowId(documentId));
    stub.start(new DeletionRequest(documentId));
    return stub.getExecution().getWorkflowId();
  }

  private WorkflowStub stub(String workflowType, String workflowId) {
    return client.newUntypedWorkflowStub(
        workflowType,
        WorkflowOptions.newBuilder()
            .setTaskQueue(taskQueue)
            .setWorkflowId(workflowId)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .setWorkflowIdConflictPolicy(
                WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .build());
  }

  /** Completes when the workflow has closed; never completes exceptionally. */
  public CompletableFuture<DocumentOutcome> outcome(StartedIngestion started) {
    return started
        .stub()
        .getResultAsync(IngestionResult.class)
        .thenApply(
            result ->
                new DocumentOutcome(
                    result.outcome() == IngestionOutcome.UNCHANGED
                        ? DocumentOutcome.Kind.UNCHANGED
                        : DocumentOutcome.Kind.OK,
                    started.documentId(),
                    started.path(),
                    result.chunks(),
                    result.entities(),
                    null))
        .exceptionally(
            failure ->
                DocumentOutcome.failed(started.documentId(), started.path(), reason(failure)));
  }

  /** The workflow's own reason when it gave one, else what ended it. */
  static String reason(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof WorkflowFailedException failed) {
      if (failed.getCause() instanceof ApplicationFailure application) {
        return application.getOriginalMessage();
      }
      return failed.getCause() == null ? failed.getMessage() : failed.getCause().getMessage();
    }
    return cause.getMessage();
  }
}
