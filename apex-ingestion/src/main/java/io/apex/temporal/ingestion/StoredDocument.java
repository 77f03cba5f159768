package io.apex.temporal.ingestion;

import java.time.Instant;

/** A document's current version as the store holds it. */
public record StoredDocument(
    String documentId,
    String source,
    String path,
    String contentSha256,
    int chunks,
    int entities,
    Instant ingestedAt) {}
