package io.apex.temporal.perf.retrieval;

/**
 * One search mode's quality as the API answers by default: the top {@code topK} chunks, not
 * documents, scored by the documents they come from (each document counted at its first chunk).
 */
public record TopChunkScores(
    String mode, int topK, double ndcgAt10, double mrrAt10, double p50Millis, double p99Millis) {}
