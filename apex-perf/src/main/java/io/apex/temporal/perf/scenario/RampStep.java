package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.load.LatencySummary;
import io.apex.temporal.perf.load.SlowWorkflow;
import java.util.List;

/** One step of the open-loop ramp: the rate asked for and what came of it. */
public record RampStep(
    int ratePerSecond,
    double seconds,
    long launched,
    long completed,
    long failed,
    double achievedStartsPerSecond,
    LatencySummary latency,
    boolean passed,
    String verdict,
    List<SlowWorkflow> slowest) {}
