package io.apex.temporal.perf.gaps;

/** One stretch of a workflow's life over the sampled workflows: its median and p90. */
public record GapSummary(String name, int samples, double p50Ms, double p90Ms, double maxMs) {}
