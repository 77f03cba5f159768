package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.load.LatencySummary;
import io.apex.temporal.perf.load.SlowWorkflow;
import java.util.List;

/**
 * Scenario (b), closed loop: {@code concurrency} workflows kept in flight for {@code seconds}.
 * Throughput counts the results that arrived inside that window.
 */
public record ClosedLoopResult(
    int concurrency,
    double seconds,
    long launched,
    long completedInWindow,
    long completed,
    long failed,
    double workflowsPerSecond,
    double activitiesPerSecond,
    LatencySummary latency,
    boolean drained,
    List<SlowWorkflow> slowest,
    List<String> failureMessages) {}
