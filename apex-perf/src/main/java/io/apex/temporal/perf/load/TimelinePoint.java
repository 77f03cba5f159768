package io.apex.temporal.perf.load;

/**
 * One interval of the run: workflows completed (and their latency percentiles) in the interval
 * ending {@code atSeconds} after the run began, while {@code scenario} ran.
 */
public record TimelinePoint(
    double atSeconds,
    double intervalSeconds,
    String scenario,
    long completed,
    long failed,
    double completedPerSecond,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double maxMs) {}
