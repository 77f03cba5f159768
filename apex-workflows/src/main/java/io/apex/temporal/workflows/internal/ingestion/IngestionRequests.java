package io.apex.temporal.workflows.internal.ingestion;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.temporal.failure.ApplicationFailure;

/**
 * Checks a workflow's input before anything runs. Input that can never succeed fails the workflow
 * at once with a non-retryable failure naming what was expected.
 */
final class IngestionRequests {
  static final String EXPECTED =
      "expected an IngestionRequest {\"documentId\": non-empty,"
          + " \"source\": non-empty, \"path\": an absolute path, or with \"uploadSha256\""
          + " (64 hex digits) a file name}";

  private IngestionRequests() {}

  static IngestionRequest require(IngestionRequest request) {
    if (request == null) {
      throw invalid(EXPECTED + ", got no input");
    }
    StringBuilder wrong = new StringBuilder();
    if (blank(request.documentId())) {
      wrong.append(" documentId is missing;");
    }
    if (blank(request.source())) {
      wrong.append(" source is missing;");
    }
    boolean uploaded = request.uploadSha256() != null;
    if (uploaded && !request.uploadSha256().matches("[0-9a-f]{64}")) {
      wrong.append(" uploadSha256 is not 64 lower-case hex digits;");
    }
    if (blank(request.path())) {
      wrong.append(" path is missing;");
    } else if (!uploaded
        && !request.path().startsWith("/")
        && !request.path().matches("^[A-Za-z]:[\\\\/].*")) {
      wrong.append(" path '").append(request.path()).append("' is not absolute;");
    }
    if (wrong.length() > 0) {
      throw invalid(EXPECTED + ", but" + wrong.substring(0, wrong.length() - 1));
    }
    return request;
  }

  static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, IngestionFailures.INVALID_REQUEST);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
