package io.apex.temporal.ingestion;

import java.time.Instant;

/** The latest upload of a document that the memory service accepted, stored or not. */
public record DocumentRequest(
    String documentId,
    String source,
    String fileName,
    long sizeBytes,
    String contentSha256,
    Instant requestedAt) {}
