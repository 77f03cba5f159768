package io.apex.temporal.ingestion;

import java.time.Instant;

/**
 * A document's current version as the store holds it; {@code stagingKey} names that version and
 * {@code path} is the file's path or, for an upload, its file name.
 */
public record StoredDocument(
    String documentId,
    String source,
    String path,
    String contentSha256,
    int chunks,
    int entities,
    Instant ingestedAt,
    long sizeBytes,
    String stagingKey) {}
