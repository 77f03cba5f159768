package io.apex.temporal.workflows.internal.ingestion;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Locale;
import java.util.Set;

/**
 * Why a document failed, as one of a small fixed set: the {@code reason} label of {@code
 * apex_ingestion_documents_failed_total}. The full reason stays in the workflow's failure and
 * status; a metric label must not carry free text.
 */
enum FailureReason {
  /** The request or the file was unusable before parsing: missing, empty, too large, binary. */
  INVALID_INPUT,
  /** The content could not be parsed to text (corrupt, truncated, unsupported, no text). */
  PARSE_ERROR,
  /** The store refused or failed the write, or undoing it. */
  STORE_ERROR,
  /** A step ran out of time. */
  TIMEOUT,
  /** Anything else, such as a step that kept failing until its retries ran out. */
  OTHER;

  private static final Set<String> INPUT_TYPES =
      Set.of(IngestionFailures.NOT_FOUND, IngestionFailures.INVALID_REQUEST);

  /** The label value, such as {@code invalid_input}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The class of an activity failure that failed a document. */
  static FailureReason of(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof TimeoutFailure) {
      return TIMEOUT;
    }
    String step = failure.getActivityType();
    String type = cause instanceof ApplicationFailure application ? application.getType() : null;
    if (INPUT_TYPES.contains(type)) {
      return INVALID_INPUT;
    }
    if (IngestionFailures.INVALID_DOCUMENT.equals(type)) {
      // Staging refuses what is unusable as a file; parsing refuses what is unreadable as text.
      return "stage_document".equals(step) ? INVALID_INPUT : PARSE_ERROR;
    }
    if (IngestionFailures.VALIDATION.equals(type)
        || "write_document".equals(step)
        || "delete_written_version".equals(step)) {
      return STORE_ERROR;
    }
    return OTHER;
  }
}
