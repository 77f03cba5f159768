package io.apex.temporal.workflows.ingestion;

/**
 * The answer of the {@code get_status} query: the stage, and once known the outcome's counts;
 * {@code reason} is set when the stage is {@link IngestionStage#FAILED}.
 */
public record IngestionStatus(
    String documentId, IngestionStage stage, int chunks, int entities, String reason) {}
