package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.load.LatencySummary;
import io.apex.temporal.perf.load.SlowWorkflow;
import java.util.List;

/**
 * Scenario (c): {@code workflows} handed to the starters at the same instant; how long until the
 * last start call returned and until the last result arrived.
 */
public record BurstResult(
    int workflows,
    long completed,
    long failed,
    double allStartedSeconds,
    double allCompletedSeconds,
    LatencySummary latency,
    boolean drained,
    List<SlowWorkflow> slowest,
    List<String> failureMessages) {}
