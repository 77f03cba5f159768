package io.apex.temporal.workflows.ingestion;

/**
 * What to ingest: a file the workers can read, named by its absolute path, under a source label.
 * {@code documentId} is stable for one source and path ({@link DocumentIds#of}) unless the caller
 * gives its own.
 */
public record IngestionRequest(String documentId, String source, String path) {}
