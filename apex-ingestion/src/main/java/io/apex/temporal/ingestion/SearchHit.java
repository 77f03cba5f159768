package io.apex.temporal.ingestion;

/** One chunk found by a search: its document, its place, its cosine similarity and its text. */
public record SearchHit(
    String documentId, String path, int chunkIndex, double score, String text) {}
