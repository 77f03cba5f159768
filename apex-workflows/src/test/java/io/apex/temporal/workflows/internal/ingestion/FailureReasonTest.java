package io.apex.temporal.workflows.internal.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

  private static ActivityFailure failed(String activityType, Throwable cause) {
    return new ActivityFailure(
        "activity failed",
        1,
        2,
        activityType,
        "1",
        RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
        "test",
        cause);
  }

  private static ApplicationFailure type(String type) {
    return ApplicationFailure.newNonRetryableFailure("reason", type);
  }

  @Test
  void unusableRequestsAndFilesAreInvalidInput() {
    assertThat(FailureReason.of(failed("stage_document", type(IngestionFailures.INVALID_REQUEST))))
        .isEqualTo(FailureReason.INVALID_INPUT);
    assertThat(FailureReason.of(failed("stage_document", type(IngestionFailures.NOT_FOUND))))
        .isEqualTo(FailureReason.INVALID_INPUT);
    assertThat(FailureReason.of(failed("stage_document", type(IngestionFailures.INVALID_DOCUMENT))))
        .as("empty, too large or binary: refused by staging")
        .isEqualTo(FailureReason.INVALID_INPUT);
  }

  @Test
  void anInvalidDocumentFoundByParsingIsAParseError() {
    assertThat(FailureReason.of(failed("parse_document", type(IngestionFailures.INVALID_DOCUMENT))))
        .isEqualTo(FailureReason.PARSE_ERROR);
  }

  @Test
  void refusedOrFailedWritesAreStoreErrors() {
    assertThat(FailureReason.of(failed("write_document", type(IngestionFailures.VALIDATION))))
        .isEqualTo(FailureReason.STORE_ERROR);
    assertThat(FailureReason.of(failed("write_document", type("SQLException"))))
        .as("a write that kept failing until its retries ran out")
        .isEqualTo(FailureReason.STORE_ERROR);
  }

  @Test
  void aStepThatRanOutOfTimeIsATimeoutWhateverTheStep() {
    assertThat(
            FailureReason.of(
                failed(
                    "generate_embeddings",
                    new TimeoutFailure("late", null, TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE))))
        .isEqualTo(FailureReason.TIMEOUT);
  }

  @Test
  void anythingElseIsOtherAndTheLabelsAreAFixedSmallSet() {
    assertThat(FailureReason.of(failed("generate_embeddings", type("java.lang.OutOfMemoryError"))))
        .isEqualTo(FailureReason.OTHER);
    assertThat(Arrays.stream(FailureReason.values()).map(FailureReason::label))
        .containsExactly("invalid_input", "parse_error", "store_error", "timeout", "other");
  }
}
