package io.apex.temporal.perf.report;

import io.apex.temporal.perf.scenario.BurstResult;
import io.apex.temporal.perf.scenario.ClosedLoopResult;
import io.apex.temporal.perf.scenario.MemoryResult;
import io.apex.temporal.perf.scenario.RunResults;
import io.apex.temporal.perf.scenario.SequentialResult;
import io.apex.temporal.perf.scenario.WarmUpResult;
import io.apex.temporal.perf.settings.PerfSetting;
import io.apex.temporal.perf.settings.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The floors a run must meet. Two come from the specification (latency P90 under 1 s, at least 10
 * activities a second); the burst's time limit follows from the second; the memory bound is ours
 * and {@link #MEMORY_SLOPE_BOUND_BYTES} says why it is what it is. Any failed workflow in a
 * measured scenario fails the run too: a fast wrong answer is not performance, and so does a run
 * that left workflows unfinished. A specification floor that did not run fails the run unless
 * {@code apex.perf.allow-not-run} names its scenario.
 */
public final class Floors {
  /** Specification: "workflow latency P90 under 1 second". */
  public static final double LATENCY_P90_BOUND_MS = 1000;

  /** Specification: "at least 10 activities per second". */
  public static final double MIN_ACTIVITIES_PER_SECOND = 10;

  /**
   * The worker's heap after GC may grow by at most this much per 10,000 workflows (see
   * docs/performance.md, "Memory floor").
   */
  public static final long MEMORY_SLOPE_BOUND_BYTES = 1L << 20;

  private Floors() {}

  /** The floors, where every specification floor must have run. */
  public static List<FloorCheck> check(RunResults results) {
    return check(results, Set.of());
  }

  /**
   * @param allowedNotRun scenarios whose specification floor may go unrun
   */
  public static List<FloorCheck> check(RunResults results, Set<Scenario> allowedNotRun) {
    List<FloorCheck> checks = new ArrayList<>();
    checks.add(warmUp(results.warmUp()));
    checks.add(mustHaveRun(latency(results.sequential()), Scenario.SEQUENTIAL, allowedNotRun));
    checks.add(mustHaveRun(throughput(results.closedLoop()), Scenario.CLOSED_LOOP, allowedNotRun));
    checks.add(mustHaveRun(burst(results.burst()), Scenario.BURST, allowedNotRun));
    checks.add(mustHaveRun(memory(results.memory()), Scenario.MEMORY, allowedNotRun));
    return checks;
  }

  private static FloorCheck mustHaveRun(
      FloorCheck check, Scenario scenario, Set<Scenario> allowedNotRun) {
    if (check.verdict() != FloorCheck.Verdict.NOT_RUN || allowedNotRun.contains(scenario)) {
      return check;
    }
    return new FloorCheck(
        check.name(),
        check.rule(),
        check.measured()
            + "; a specification"
            + " floor must run unless "
            + PerfSetting.ALLOW_NOT_RUN.property()
            + " names "
            + scenario.label(),
        FloorCheck.Verdict.FAIL);
  }

  public static boolean passed(List<FloorCheck> checks) {
    return checks.stream().noneMatch(check -> check.verdict() == FloorCheck.Verdict.FAIL);
  }

  private static FloorCheck warmUp(WarmUpResult warmUp) {
    String name = "warm-up completes";
    String rule = "every warm-up workflow completes with the specified greeting";
    if (warmUp == null) {
      return FloorCheck.notRun(name, rule, "not run");
    }
    return FloorCheck.of(
        name,
        rule,
        warmUp.completed()
            + " of "
            + warmUp.workflows()
            + " completed"
            + failures(warmUp.failed(), warmUp.failureMessages()),
        warmUp.failed() == 0 && warmUp.completed() == warmUp.workflows());
  }

  private static FloorCheck latency(SequentialResult sequential) {
    String name = "workflow latency P90 (sequential, after warm-up)";
    String rule = "< " + format(LATENCY_P90_BOUND_MS) + " ms (specification), no failures";
    if (sequential == null) {
      return FloorCheck.notRun(name, rule, "scenario not run");
    }
    return FloorCheck.of(
        name,
        rule,
        format(sequential.latency().p90Ms())
            + " ms over "
            + sequential.completed()
            + " workflows"
            + failures(sequential.failed(), sequential.failureMessages()),
        sequential.latency().p90Ms() < LATENCY_P90_BOUND_MS
            && sequential.failed() == 0
            && sequential.completed() == sequential.workflows());
  }

  private static FloorCheck throughput(ClosedLoopResult closedLoop) {
    String name = "activities per second (closed loop)";
    String rule = ">= " + format(MIN_ACTIVITIES_PER_SECOND) + " (specification), no failures";
    if (closedLoop == null) {
      return FloorCheck.notRun(name, rule, "scenario not run");
    }
    return FloorCheck.of(
        name,
        rule,
        format(closedLoop.activitiesPerSecond())
            + " at concurrency "
            + closedLoop.concurrency()
            + failures(closedLoop.failed(), closedLoop.failureMessages()),
        closedLoop.activitiesPerSecond() >= MIN_ACTIVITIES_PER_SECOND
            && closedLoop.failed() == 0
            && closedLoop.drained()
            && closedLoop.completed() == closedLoop.launched());
  }

  private static FloorCheck burst(BurstResult burst) {
    String name = "workflows started at once all complete";
    if (burst == null) {
      return FloorCheck.notRun(
          name,
          "every one completes, within workflows / " + format(MIN_ACTIVITIES_PER_SECOND) + " s",
          "scenario not run");
    }
    double limitSeconds = burst.workflows() / MIN_ACTIVITIES_PER_SECOND;
    String rule =
        "all "
            + burst.workflows()
            + " complete within "
            + format(limitSeconds)
            + " s (their number at the specification's "
            + format(MIN_ACTIVITIES_PER_SECOND)
            + " activities/s)";
    return FloorCheck.of(
        name,
        rule,
        burst.completed()
            + " completed in "
            + format(burst.allCompletedSeconds())
            + " s"
            + failures(burst.failed(), burst.failureMessages()),
        burst.drained()
            && burst.failed() == 0
            && burst.completed() == burst.workflows()
            && burst.allCompletedSeconds() <= limitSeconds);
  }

  private static FloorCheck memory(MemoryResult memory) {
    String name = "worker heap after GC: slope per 10,000 workflows";
    String rule =
        "<= "
            + format(MEMORY_SLOPE_BOUND_BYTES / 1048576.0)
            + " MiB (docs/performance.md), no failures";
    if (memory == null) {
      return FloorCheck.notRun(name, rule, "scenario not run");
    }
    if (!memory.measured()) {
      return FloorCheck.notRun(name, rule, memory.notMeasured());
    }
    return FloorCheck.of(
        name,
        rule,
        format(memory.slopeBytesPer10kWorkflows() / 1048576.0)
            + " MiB over "
            + memory.completed()
            + " workflows"
            + failures(memory.failed(), memory.failureMessages()),
        memory.slopeBytesPer10kWorkflows() <= MEMORY_SLOPE_BOUND_BYTES
            && memory.failed() == 0
            && memory.drained()
            && memory.completed() == memory.workflows());
  }

  private static String failures(long failed, List<String> messages) {
    if (failed == 0) {
      return "";
    }
    return ", "
        + failed
        + " failed"
        + (messages.isEmpty() ? "" : " (first: " + messages.get(0) + ")");
  }

  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
