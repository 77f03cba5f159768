package io.apex.temporal.workflows.ingestion;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.workflows.internal.ingestion.DocumentIngestionWorkflowImpl;
import io.apex.temporal.workflows.internal.ingestion.IngestionActivityOptions;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays histories recorded from real runs (temporal server start-dev 1.32 with our worker jar and
 * the real apex-ingestion components; {@code temporal workflow show -o json}): one document
 * ingested, one refused as empty. A change that would break running ingestions fails here.
 */
class DocumentIngestionWorkflowReplayTest {
  private static final String COMPLETED = "histories/ingestion-completed.json";
  private static final String FAILED = "histories/ingestion-failed.json";

  /**
   * A write that gave up after three attempts, undone by {@code delete_written_version} and then
   * {@code cleanup_staging}: recorded on the SDK's test server (temporal-testing 1.38) from the
   * workflow as it was when the SDK's {@code Saga} ran the compensations.
   */
  private static final String COMPENSATED = "histories/ingestion-compensated.json";

  @Test
  void currentWorkflowReplaysAnIngestedDocument() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    COMPLETED, DocumentIngestionWorkflowImpl.class))
        .doesNotThrowAnyException();
  }

  @Test
  void currentWorkflowReplaysAFailedDocument() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    FAILED, DocumentIngestionWorkflowImpl.class))
        .doesNotThrowAnyException();
  }

  @Test
  void currentWorkflowReplaysAFailedWriteAndItsCompensations() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    COMPENSATED, DocumentIngestionWorkflowImpl.class))
        .doesNotThrowAnyException();
  }

  @Test
  void skippingEntityExtractionFailsTheReplay() {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    COMPLETED, WithoutEntities.class))
        .hasMessageContaining("NonDeterministicException");
  }

  /** The workflow with the entity step left out: not replay-compatible. */
  public static class WithoutEntities implements DocumentIngestionWorkflow {
    @Override
    public IngestionResult ingest(IngestionRequest request) {
      var activities =
          io.temporal.workflow.Workflow.newActivityStub(
              DocumentIngestionActivities.class, IngestionActivityOptions.stage());
      io.temporal.workflow.Workflow.upsertTypedSearchAttributes(
          IngestionSearchAttributes.DOCUMENT_ID.valueSet(request.documentId()),
          IngestionSearchAttributes.SOURCE.valueSet(request.source()));
      io.temporal.workflow.Workflow.upsertTypedSearchAttributes(
          IngestionSearchAttributes.INGESTION_STATUS.valueSet("staging"));
      StagedDocument staged = activities.stage(request);
      io.temporal.workflow.Workflow.upsertTypedSearchAttributes(
          IngestionSearchAttributes.INGESTION_STATUS.valueSet("parsing"));
      activities.parse(staged);
      activities.generateEmbeddings(staged);
      WrittenDocument written = activities.write(staged);
      return new IngestionResult(
          request.documentId(),
          request.path(),
          IngestionOutcome.INGESTED,
          written.chunks(),
          written.entities());
    }

    @Override
    public IngestionStatus status() {
      return null;
    }
  }
}
