package io.apex.temporal.ingestion;

/**
 * One chunk found by a search: its document, source and place, its score and its text. The score is
 * the mode's own: cosine similarity (semantic), BM25 (keyword) or the fused score (hybrid); it
 * orders hits within one search, not across modes.
 */
public record SearchHit(
    String documentId, String source, String path, int chunkIndex, double score, String text) {}
