package io.apex.temporal.perf.load;

/** A workflow among a scenario's slowest, and its latency. */
public record SlowWorkflow(String workflowId, double latencyMs) {}
