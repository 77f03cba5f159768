package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.load.ClosedLoop;
import io.apex.temporal.perf.load.LatencySummary;
import io.apex.temporal.perf.load.ScenarioRecorder;
import java.time.Duration;

/**
 * Scenario (b), closed loop: throughput with a fixed number of workflows in flight. Activities per
 * second counts the activities completed in the histories of the workflows that finished in the
 * window.
 */
public final class ClosedLoopScenario {
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
    ClosedLoop.Run run =
        new ClosedLoop(context.launcher(), concurrency, context.drainTimeout())
            .runFor(duration, recorder);
    double perSecond = run.completedInWindow() / run.windowSeconds();
    long activities = context.activities().completedIn(run.completedInWindowIds());
    return new ClosedLoopResult(
        concurrency,
        run.windowSeconds(),
        run.launched(),
        run.completedInWindow(),
        recorder.completed(),
        recorder.failed(),
        perSecond,
        activities / run.windowSeconds(),
        LatencySummary.of(recorder.latencies()),
        run.drained(),
        recorder.slowest(),
        recorder.failureMessages());
  }
}
