package io.apex.temporal.workflows.ingestion;

/** {@code removed} is false when the store held no version of the document any more. */
public record DeletionResult(String documentId, boolean removed) {}
