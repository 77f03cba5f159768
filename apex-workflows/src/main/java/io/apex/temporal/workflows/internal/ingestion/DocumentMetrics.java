package io.apex.temporal.workflows.internal.ingestion;

import com.uber.m3.tally.Scope;
import io.apex.temporal.workflows.ingestion.IngestionOutcome;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;

/**
 * The document-level ingestion metrics, recorded by the workflow through {@link
 * Workflow#getMetricsScope()}. They are counted here rather than in activities because only the
 * workflow sees each document's final outcome exactly once (an activity runs once per attempt, and
 * a timed-out one records nothing), and the SDK's scope records nothing while a workflow replays.
 * The worker's registry names them with the Prometheus suffixes ({@code _total}, {@code _seconds})
 * and adds their descriptions and buckets.
 */
final class DocumentMetrics {
  static final String STARTED = "apex_ingestion_documents_started";
  static final String COMPLETED = "apex_ingestion_documents_completed";
  static final String UNCHANGED = "apex_ingestion_documents_unchanged";
  static final String FAILED = "apex_ingestion_documents_failed";
  static final String DURATION = "apex_ingestion_document_duration";
  static final String COMPENSATIONS = "apex_ingestion_compensations";
  static final String COMPENSATION_FAILURES = "apex_ingestion_compensation_failures";

  private final Scope scope;

  DocumentMetrics(Scope scope, String source) {
    this.scope = scope.tagged(Map.of("source", SourceLabel.of(source)));
  }

  static DocumentMetrics forWorkflow(String source) {
    return new DocumentMetrics(Workflow.getMetricsScope(), source);
  }

  void started() {
    scope.counter(STARTED).inc(1);
  }

  void finished(IngestionOutcome outcome) {
    scope.counter(outcome == IngestionOutcome.UNCHANGED ? UNCHANGED : COMPLETED).inc(1);
    duration(outcome == IngestionOutcome.UNCHANGED ? "unchanged" : "completed");
  }

  void failed(FailureReason reason) {
    scope.tagged(Map.of("reason", reason.label())).counter(FAILED).inc(1);
    duration("failed");
  }

  /** A failed document's earlier steps were all undone; the reason says what failed after them. */
  void compensated(FailureReason reason) {
    scope.tagged(Map.of("reason", reason.label())).counter(COMPENSATIONS).inc(1);
  }

  /** Undoing a failed document's step gave up: what that step wrote is left behind. */
  void compensationFailed(String step) {
    scope.tagged(Map.of("step", step)).counter(COMPENSATION_FAILURES).inc(1);
  }

  private void duration(String outcome) {
    Duration took =
        Duration.ofMillis(
            Math.max(
                0,
                Workflow.currentTimeMillis() - Workflow.getInfo().getRunStartedTimestampMillis()));
    scope
        .tagged(Map.of("outcome", outcome))
        .timer(DURATION)
        .record(com.uber.m3.util.Duration.ofNanos(took.toNanos()));
  }
}
