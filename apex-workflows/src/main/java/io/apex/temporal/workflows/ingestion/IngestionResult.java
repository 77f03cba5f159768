package io.apex.temporal.workflows.ingestion;

/** How an ingestion ended, with the counts of what is stored for the document now. */
public record IngestionResult(
    String documentId, String path, IngestionOutcome outcome, int chunks, int entities) {}
