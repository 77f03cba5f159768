package io.apex.temporal.config;

/**
 * How ingestion cuts documents and feeds the embedding model: chunks of about {@code
 * chunkCharacters}, each overlapping the one before by {@code chunkOverlap} characters (less than
 * half a chunk), embedded {@code embeddingBatchSize} chunks per call of the model.
 */
public record IngestionTuning(int chunkCharacters, int chunkOverlap, int embeddingBatchSize) {}
