package io.apex.temporal.workflows.internal.ingestion;

import io.apex.temporal.workflows.ingestion.DocumentIngestionActivities;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.apex.temporal.workflows.ingestion.IngestionOutcome;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.IngestionResult;
import io.apex.temporal.workflows.ingestion.IngestionSearchAttributes;
import io.apex.temporal.workflows.ingestion.IngestionStage;
import io.apex.temporal.workflows.ingestion.IngestionStatus;
import io.apex.temporal.workflows.ingestion.ParsedDocument;
import io.apex.temporal.workflows.ingestion.StagedDocument;
import io.apex.temporal.workflows.ingestion.WrittenDocument;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.slf4j.Logger;

/**
 * Stage, parse, extract entities, embed, write, clean up; each step its own activity with its own
 * timeout and retry policy. What a step wrote is undone, latest first, when a later step fails for
 * good (a saga). Unchanged content ends at once. A failed document ends in stage {@code failed}
 * with the reason in the status and in a non-retryable failure of the workflow; an undo that failed
 * too is named in that reason with what it left behind.
 */
public class DocumentIngestionWorkflowImpl implements DocumentIngestionWorkflow {
  private static final Logger log = Workflow.getLogger(DocumentIngestionWorkflowImpl.class);

  private static final java.util.Set<String> INPUT_FAILURES =
      java.util.Set.of(
          IngestionFailures.NOT_FOUND, IngestionFailures.INVALID_DOCUMENT,
          IngestionFailures.VALIDATION, IngestionFailures.INVALID_REQUEST);

  private IngestionStatus status = new IngestionStatus(null, IngestionStage.PENDING, 0, 0, null);

  @Override
  public IngestionResult ingest(IngestionRequest input) {
    IngestionRequest request;
    try {
      request = IngestionRequests.require(input);
    } catch (ApplicationFailure malformed) {
      DocumentMetrics unnamed = DocumentMetrics.forWorkflow(input == null ? null : input.source());
      unnamed.started();
      unnamed.failed(FailureReason.INVALID_INPUT);
      throw malformed;
    }
    DocumentMetrics metrics = DocumentMetrics.forWorkflow(request.source());
    metrics.started();
    String documentId = request.documentId();
    Workflow.upsertTypedSearchAttributes(
        IngestionSearchAttributes.DOCUMENT_ID.valueSet(documentId),
        IngestionSearchAttributes.SOURCE.valueSet(request.source()));
    Compensations compensations = new Compensations(documentId, metrics);
    try {
      moveTo(documentId, IngestionStage.STAGING);
      StagedDocument staged = activities(IngestionActivityOptions.stage()).stage(request);
      if (staged.unchanged()) {
        metrics.finished(IngestionOutcome.UNCHANGED);
        return finish(
            request, IngestionOutcome.UNCHANGED, staged.storedChunks(), staged.storedEntities());
      }
      DocumentIngestionActivities cleanup = activities(IngestionActivityOptions.cleanup());
      compensations.add(
          "cleanup_staging", "its staged content is left behind", () -> cleanup.cleanup(staged));

      moveTo(documentId, IngestionStage.PARSING);
      ParsedDocument parsed =
          activities(IngestionActivityOptions.parse(staged.sizeBytes())).parse(staged);
      status = counts(IngestionStage.PARSED, documentId, parsed.chunks(), 0);

      moveTo(documentId, IngestionStage.EXTRACTING_ENTITIES);
      int entities = activities(IngestionActivityOptions.extractEntities()).extractEntities(staged);
      status = counts(IngestionStage.ENTITIES_EXTRACTED, documentId, parsed.chunks(), entities);

      moveTo(documentId, IngestionStage.GENERATING_EMBEDDINGS);
      activities(IngestionActivityOptions.generateEmbeddings()).generateEmbeddings(staged);
      status = counts(IngestionStage.EMBEDDINGS_GENERATED, documentId, parsed.chunks(), entities);

      moveTo(documentId, IngestionStage.WRITING);
      // Registered before the write: a write that fails after writing part of the version is
      // undone too. Undoing a version that was never written is harmless.
      DocumentIngestionActivities undoWrite = activities(IngestionActivityOptions.undoWrite());
      compensations.add(
          "delete_written_version",
          "the version may still be current and searchable",
          () -> undoWrite.deleteWrittenVersion(staged));
      WrittenDocument written = activities(IngestionActivityOptions.write()).write(staged);
      cleanUpAfterWrite(cleanup, staged);
      metrics.finished(IngestionOutcome.INGESTED);
      return finish(request, IngestionOutcome.INGESTED, written.chunks(), written.entities());
    } catch (ActivityFailure failure) {
      FailureReason failureReason = FailureReason.of(failure);
      List<String> notUndone = compensations.run(failureReason);
      metrics.failed(failureReason);
      String reason =
          notUndone.isEmpty()
              ? reason(failure)
              : reason(failure) + "; not undone: " + String.join("; ", notUndone);
      status = new IngestionStatus(documentId, IngestionStage.FAILED, 0, 0, reason);
      upsertStage(IngestionStage.FAILED);
      log.warn("ingestion of document {} ({}) failed: {}", documentId, request.path(), reason);
      throw ApplicationFailure.newNonRetryableFailure(reason, failureType(failure));
    }
  }

  @Override
  public IngestionStatus status() {
    return status;
  }

  private void moveTo(String documentId, IngestionStage stage) {
    status = counts(stage, documentId, status.chunks(), status.entities());
    upsertStage(stage);
  }

  private static IngestionStatus counts(
      IngestionStage stage, String documentId, int chunks, int entities) {
    return new IngestionStatus(documentId, stage, chunks, entities, null);
  }

  private static void upsertStage(IngestionStage stage) {
    Workflow.upsertTypedSearchAttributes(
        IngestionSearchAttributes.INGESTION_STATUS.valueSet(stage.wireName()));
  }

  private IngestionResult finish(
      IngestionRequest request, IngestionOutcome outcome, int chunks, int entities) {
    status = counts(IngestionStage.COMPLETED, request.documentId(), chunks, entities);
    upsertStage(IngestionStage.COMPLETED);
    return new IngestionResult(request.documentId(), request.path(), outcome, chunks, entities);
  }

  /**
   * The written version is current and searchable; staging leftovers that cleanup could not remove
   * are not a reason to undo it.
   */
  private static void cleanUpAfterWrite(
      DocumentIngestionActivities cleanup, StagedDocument staged) {
    try {
      cleanup.cleanup(staged);
    } catch (ActivityFailure failure) {
      log.warn(
          "cleanup of document {} staging {} failed, the written version stays: {}",
          staged.documentId(),
          staged.stagingKey(),
          reason(failure));
    }
  }

  private static DocumentIngestionActivities activities(
      io.temporal.activity.ActivityOptions options) {
    return Workflow.newActivityStub(DocumentIngestionActivities.class, options);
  }

  /** The activity's own message when it gave one; else what gave up, and why. */
  static String reason(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure application) {
      return INPUT_FAILURES.contains(application.getType())
          ? application.getOriginalMessage()
          : failure.getActivityType() + " gave up: " + application.getOriginalMessage();
    }
    if (cause instanceof TimeoutFailure timeout) {
      return failure.getActivityType()
          + " timed out ("
          + timeout
              .getTimeoutType()
              .name()
              .replaceFirst("^TIMEOUT_TYPE_", "")
              .toLowerCase(java.util.Locale.ROOT)
          + ")";
    }
    return failure.getActivityType()
        + " failed: "
        + (cause == null ? failure.getMessage() : cause.getMessage());
  }

  private static String failureType(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure application
            && application.getType() != null
        ? application.getType()
        : "IngestionFailed";
  }
}
