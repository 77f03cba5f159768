package io.apex.temporal.workflows.ingestion;

/**
 * A staged version of a document: where the store keeps it ({@code stagingKey}), its content hash
 * and size. {@code unchanged} is true when the store already holds this exact content as the
 * document's current version, and then nothing was staged.
 */
public record StagedDocument(
    String documentId,
    String source,
    String path,
    String stagingKey,
    String contentSha256,
    long sizeBytes,
    boolean unchanged,
    int storedChunks,
    int storedEntities) {}
