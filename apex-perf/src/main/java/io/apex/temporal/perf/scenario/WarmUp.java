package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.load.ClosedLoop;
import io.apex.temporal.perf.load.ScenarioRecorder;
import java.util.List;

/** Runs unmeasured workflows at the closed loop's concurrency before anything is measured. */
public final class WarmUp {
  private final ScenarioContext context;
  private final int workflows;
  private final int concurrency;

  public WarmUp(ScenarioContext context, int workflows, int concurrency) {
    this.context = context;
    this.workflows = workflows;
    this.concurrency = concurrency;
  }

  public WarmUpResult run() throws InterruptedException {
    context.timeline().enter("warm-up");
    ScenarioRecorder recorder = new ScenarioRecorder(context.timeline());
    if (workflows == 0) {
      return new WarmUpResult(0, concurrency, 0, 0, 0, List.of());
    }
    ClosedLoop.Run run =
        new ClosedLoop(context.launcher(), concurrency, context.drainTimeout())
            .runCount(workflows, recorder);
    return new WarmUpResult(
        workflows,
        concurrency,
        recorder.completed(),
        recorder.failed(),
        run.windowSeconds(),
        recorder.failureMessages());
  }
}
