package io.apex.temporal.ingestion.internal;

/**
 * A chunk as one ranking scored it, named by its Lucene document number in the searcher that ranked
 * it: rankings are fused on these numbers and only the chunks shown are looked up ({@link
 * ChunkKeys}).
 */
record RankedChunk(int doc, double score) {}
