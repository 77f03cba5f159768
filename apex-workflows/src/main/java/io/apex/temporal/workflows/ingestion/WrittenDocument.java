package io.apex.temporal.workflows.ingestion;

/** What the write made current: the stored version's counts. */
public record WrittenDocument(int chunks, int entities) {}
