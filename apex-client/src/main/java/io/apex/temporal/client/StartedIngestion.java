package io.apex.temporal.client;

import io.temporal.client.WorkflowStub;

/** An ingestion that has been started (or joined, when it already ran): its IDs and its stub. */
public record StartedIngestion(String documentId, String path, String runId, WorkflowStub stub) {}
