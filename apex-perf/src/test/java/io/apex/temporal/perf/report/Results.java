package io.apex.temporal.perf.report;

import io.apex.temporal.perf.load.LatencySummary;
import io.apex.temporal.perf.scenario.BurstResult;
import io.apex.temporal.perf.scenario.ClosedLoopResult;
import io.apex.temporal.perf.scenario.HeapSample;
import io.apex.temporal.perf.scenario.MemoryResult;
import io.apex.temporal.perf.scenario.RampResult;
import io.apex.temporal.perf.scenario.RampStep;
import io.apex.temporal.perf.scenario.RunResults;
import io.apex.temporal.perf.scenario.SequentialResult;
import io.apex.temporal.perf.scenario.WarmUpResult;
import io.apex.temporal.perf.settings.RampPlan;
import java.util.List;

/**
 * Scenario results for report tests, each healthy unless a test changes the one figure it needs.
 */
final class Results {
  private Results() {}

  static LatencySummary latency(double p90Ms) {
    return new LatencySummary(100, p90Ms / 2, p90Ms / 2, p90Ms, p90Ms * 2, p90Ms * 3, p90Ms * 4);
  }

  static WarmUpResult warmUp() {
    return new WarmUpResult(100, 8, 100, 0, 2.5, List.of());
  }

  static SequentialResult sequential(double p90Ms) {
    return sequential(p90Ms, 100, 0);
  }

  static SequentialResult sequential(double p90Ms, long completed, long failed) {
    return new SequentialResult(
        100,
        completed,
        failed,
        3.0,
        latency(p90Ms),
        List.of(),
        failed == 0 ? List.of() : List.of("boom"));
  }

  static ClosedLoopResult closedLoop(double activitiesPerSecond) {
    return closedLoop(activitiesPerSecond, 1000, 0, true);
  }

  /** Ten seconds of closed loop at 100 workflows a second, of which {@code completed} finished. */
  static ClosedLoopResult closedLoop(
      double activitiesPerSecond, long completed, long failed, boolean drained) {
    return new ClosedLoopResult(
        32,
        10,
        1000,
        completed,
        completed,
        failed,
        completed / 10.0,
        activitiesPerSecond,
        latency(50),
        drained,
        List.of(),
        failed == 0 ? List.of() : List.of("boom"));
  }

  static RampResult ramp() {
    RampPlan plan = new RampPlan(50, 1.5, 5, 3, 1000);
    return new RampResult(
        plan,
        List.of(
            new RampStep(50, 5, 250, 250, 0, 50, latency(40), true, "p99 under 1000 ms", List.of()),
            new RampStep(
                75,
                5,
                375,
                375,
                0,
                74,
                latency(900),
                false,
                "p99 1800.0 ms exceeds the" + " bound of 1000 ms at 75/s",
                List.of())),
        50,
        true,
        "p99 1800.0 ms exceeds the bound of 1000 ms at 75/s");
  }

  static BurstResult burst(int workflows, long failed, double allCompletedSeconds) {
    return burst(workflows, workflows - failed, failed, allCompletedSeconds, true);
  }

  static BurstResult burst(
      int workflows, long completed, long failed, double allCompletedSeconds, boolean drained) {
    return new BurstResult(
        workflows,
        completed,
        failed,
        1.5,
        allCompletedSeconds,
        latency(3000),
        drained,
        List.of(),
        failed == 0 ? List.of() : List.of("boom"));
  }

  static MemoryResult memory(double slopeBytesPer10k) {
    return memory(slopeBytesPer10k, 20_000, 0, true);
  }

  static MemoryResult memory(
      double slopeBytesPer10k, long completed, long failed, boolean drained) {
    List<HeapSample> samples =
        List.of(
            new HeapSample(0, 15_000_000, 1),
            new HeapSample(10_000, 15_000_000 + (long) slopeBytesPer10k, 2),
            new HeapSample(20_000, 15_000_000 + (long) (2 * slopeBytesPer10k), 3));
    return new MemoryResult(
        true,
        "",
        "test server process",
        20_000,
        10_000,
        32,
        completed,
        failed,
        100,
        200,
        samples,
        slopeBytesPer10k,
        15_000_000,
        samples.get(0).heapUsedBytes(),
        samples.get(2).heapUsedBytes(),
        failed == 0 ? List.of() : List.of("boom"),
        drained);
  }

  static RunResults healthy() {
    return new RunResults(
        warmUp(), sequential(30), closedLoop(150), ramp(), burst(1000, 0, 12), memory(100_000));
  }
}
