package io.apex.temporal.client;

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
 * Starts one DocumentIngestionWorkflow per file and turns each ending into a {@link
 * DocumentOutcome}. The command line, the integration tests and the benchmark share it.
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

  public StartedIngestion start(String source, Path file) {
    String path = file.toAbsolutePath().normalize().toString();
    String documentId = DocumentIds.of(source, path);
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            DocumentIngestionWorkflow.TYPE,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(DocumentIngestionWorkflow.workflowId(documentId))
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    String runId = stub.start(new IngestionRequest(documentId, source, path)).getRunId();
    return new StartedIngestion(documentId, path, runId, stub);
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
