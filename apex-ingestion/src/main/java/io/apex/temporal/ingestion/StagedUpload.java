package io.apex.temporal.ingestion;

/**
 * Uploaded content as the store took it: its hash and size, and whether the store already held it
 * as the document's current version ({@code unchanged}: nothing was staged).
 */
public record StagedUpload(
    String documentId, String contentSha256, long sizeBytes, boolean unchanged) {}
