package io.apex.temporal.ingestion.internal;

/**
 * A chunk ranked for a query, with the ranking's score: cosine similarity (semantic), BM25
 * (keyword) or the fused score (hybrid).
 */
record Neighbour(String documentId, int chunkIndex, double score) {}
