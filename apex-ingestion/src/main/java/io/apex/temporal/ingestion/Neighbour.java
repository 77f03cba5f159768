package io.apex.temporal.ingestion;

/** A chunk near a query vector, by cosine similarity. */
record Neighbour(String documentId, int chunkIndex, double score) {}
