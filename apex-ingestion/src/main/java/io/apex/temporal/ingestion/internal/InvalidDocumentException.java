package io.apex.temporal.ingestion.internal;

/**
 * Input that can never be ingested; {@code failureType} is one of {@code IngestionFailures}' types
 * and the message is the reason a person reads.
 */
final class InvalidDocumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String failureType;

  InvalidDocumentException(String failureType, String reason) {
    super(reason);
    this.failureType = failureType;
  }

  String failureType() {
    return failureType;
  }
}
