package io.apex.temporal.it.support;

import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import io.apex.temporal.workflows.ingestion.IngestionOutcome;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.IngestionResult;
import io.apex.temporal.workflows.ingestion.IngestionStage;
import io.apex.temporal.workflows.ingestion.IngestionStatus;
import io.apex.temporal.workflows.ingestion.StagedDocument;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * An ingestion-shaped workflow for payload tests: type {@code DocumentIngestionWorkflow}, one
 * activity ({@code stage_document}), the document's path in its input, the activity's input and
 * result, and its own result, so that every kind of payload carries it.
 */
public class EchoIngestionWorkflow implements DocumentIngestionWorkflow {
  private final DocumentIngestionActivities activities =
      Workflow.newActivityStub(
          DocumentIngestionActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
              .build());
  private IngestionStatus status = new IngestionStatus("", IngestionStage.PENDING, 0, 0, null);

  @Override
  public IngestionResult ingest(IngestionRequest request) {
    status = new IngestionStatus(request.documentId(), IngestionStage.STAGING, 0, 0, null);
    StagedDocument staged = activities.stage(request);
    status = new IngestionStatus(request.documentId(), IngestionStage.COMPLETED, 0, 0, null);
    return new IngestionResult(staged.documentId(), staged.path(), IngestionOutcome.INGESTED, 0, 0);
  }

  @Override
  public IngestionStatus status() {
    return status;
  }
}
