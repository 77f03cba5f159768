package io.apex.temporal.workflows.ingestion;

/** Which document to delete. */
public record DeletionRequest(String documentId) {}
