package io.apex.temporal.perf.retrieval;

/**
 * One search mode's quality over the judged queries (means, ranked by document) and its query
 * latency (one search call, the query's embedding included).
 */
public record ModeScores(
    String mode,
    double ndcgAt10,
    double recallAt100,
    double mrrAt10,
    double p50Millis,
    double p99Millis) {}
