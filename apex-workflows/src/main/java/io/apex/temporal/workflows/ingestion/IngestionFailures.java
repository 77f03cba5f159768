package io.apex.temporal.workflows.ingestion;

/**
 * The {@code ApplicationFailure} types that an ingestion activity raises for input that can never
 * succeed. Activity options list them as non-retryable, so such a document fails at once.
 */
public final class IngestionFailures {
  /** The file does not exist, is not a regular file, or cannot be read. */
  public static final String NOT_FOUND = "DocumentNotFound";

  /** The file is empty, too large, binary, corrupt or truncated, or its format is unsupported. */
  public static final String INVALID_DOCUMENT = "InvalidDocument";

  /** The write was refused by validation (for example a constraint of the store). */
  public static final String VALIDATION = "ValidationError";

  /** The workflow's own input was malformed. */
  public static final String INVALID_REQUEST = "InvalidIngestionRequest";

  private IngestionFailures() {}
}
