package io.apex.temporal.workflows.ingestion;

/**
 * A completed ingestion either stored a new version or found the content unchanged. A failed one
 * fails the workflow instead, so that Temporal's own status and metrics count it.
 */
public enum IngestionOutcome {
  INGESTED,
  UNCHANGED
}
