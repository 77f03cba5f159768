package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.load.ClosedLoop;
import io.apex.temporal.perf.load.LatencySummary;
import io.apex.temporal.perf.load.ScenarioRecorder;
import java.time.Duration;

/** Scenario (b), closed loop: throughput with a fixed number of workflows in flight. */
public final class ClosedLoopScenario {
  /** The greeting workflow runs exactly one activity, {@code greet_activity}, when it succeeds. */
  public static final int ACTIVITIES_PER_WORKFLOW = 1;

  private final ScenarioContext context;
  private final int concurrency;
  private final Duration duration;

  public ClosedLoopScenario(ScenarioContext context, int concurrency, Duration duration) {
    this.context = context;
    this.concurrency = concurrency;
    this.duration = duration;
  }

  public ClosedLoopResult run() throws InterruptedException {
    context.timeline().enter("closed loop");
    ScenarioRecorder recorder = new ScenarioRecorder(context.timeline());
    ClosedLoop.Run run = new ClosedLoop(context.launcher(), concurrency, context.drainTimeout())
        .runFor(duration, recorder);
    double perSecond = run.completedInWindow() / run.windowSeconds();
    return new ClosedLoopResult(concurrency, run.windowSeconds(), run.launched(),
        run.completedInWindow(), recorder.completed(), recorder.failed(), perSecond,
        perSecond * ACTIVITIES_PER_WORKFLOW, LatencySummary.of(recorder.latencies()),
        run.drained(), recorder.slowest(), recorder.failureMessages());
  }
}
