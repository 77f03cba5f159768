package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.load.LatencySummary;
import io.apex.temporal.perf.load.SlowWorkflow;
import java.util.List;

/** Scenario (a): one workflow at a time, each started after the previous one's result came. */
public record SequentialResult(
    int workflows,
    long completed,
    long failed,
    double seconds,
    LatencySummary latency,
    List<SlowWorkflow> slowest,
    List<String> failureMessages) {}
