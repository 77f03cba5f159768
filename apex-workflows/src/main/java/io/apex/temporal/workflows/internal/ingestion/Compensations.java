package io.apex.temporal.workflows.internal.ingestion;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * What a failed document's earlier steps wrote, undone latest first, one after another. Unlike the
 * SDK's {@code Saga} with {@code continueWithError}, which drops a compensation's exception, each
 * undo that fails is logged with the document ID, counted by its step, and returned, so that the
 * workflow's status says what was left behind. The next undo runs all the same.
 */
final class Compensations {
  private static final Logger log = Workflow.getLogger(Compensations.class);

  private record Undo(String activityType, String leftBehind, Functions.Proc action) {}

  private final String documentId;
  private final DocumentMetrics metrics;
  private final List<Undo> undos = new ArrayList<>();

  Compensations(String documentId, DocumentMetrics metrics) {
    this.documentId = documentId;
    this.metrics = metrics;
  }

  /**
   * Registers an undo; {@code leftBehind} says what stays when it fails for good, in the words of
   * the status reason.
   */
  void add(String activityType, String leftBehind, Functions.Proc action) {
    undos.add(new Undo(activityType, leftBehind, action));
  }

  /**
   * Runs every registered undo, latest first, after the document failed for {@code reason}. Counts
   * the document as compensated only when every undo succeeded.
   *
   * @return one sentence per undo that failed, empty when everything was undone
   */
  List<String> run(FailureReason reason) {
    if (undos.isEmpty()) {
      return List.of();
    }
    List<String> failures = new ArrayList<>();
    for (int i = undos.size() - 1; i >= 0; i--) {
      Undo undo = undos.get(i);
      try {
        undo.action().apply();
      } catch (ActivityFailure failure) {
        String why = DocumentIngestionWorkflowImpl.reason(failure);
        metrics.compensationFailed(undo.activityType());
        log.error(
            "compensation {} of document {} failed, {}: {}",
            undo.activityType(),
            documentId,
            undo.leftBehind(),
            why);
        failures.add(why + " (" + undo.leftBehind() + ")");
      }
    }
    if (failures.isEmpty()) {
      metrics.compensated(reason);
    }
    return failures;
  }
}
