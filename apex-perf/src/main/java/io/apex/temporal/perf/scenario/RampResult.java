package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.settings.RampPlan;
import java.util.List;

/**
 * Scenario (b), open loop: each step's figures, and the highest start rate whose p99 stayed under
 * the plan's bound (0 when even the first step did not).
 */
public record RampResult(
    RampPlan plan,
    List<RampStep> steps,
    int highestPassingRate,
    boolean limitFound,
    String stoppedBecause) {}
