package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.load.LatencySummary;
import io.apex.temporal.perf.load.ScenarioRecorder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Scenario (c): many workflows started at the same instant, as when a batch of documents arrives;
 * how long until every one has completed.
 */
public final class BurstScenario {
  private final ScenarioContext context;
  private final int workflows;

  public BurstScenario(ScenarioContext context, int workflows) {
    this.context = context;
    this.workflows = workflows;
  }

  public BurstResult run() throws InterruptedException {
    context.timeline().enter("burst");
    ScenarioRecorder recorder = new ScenarioRecorder(context.timeline());
    CountDownLatch outstanding = new CountDownLatch(workflows);
    long began = System.nanoTime();
    for (int i = 0; i < workflows; i++) {
      context
          .launcher()
          .launch(began)
          .whenComplete(
              (completion, failure) -> {
                recorder.record(completion, failure);
                outstanding.countDown();
              });
    }
    boolean drained = outstanding.await(context.drainTimeout().toNanos(), TimeUnit.NANOSECONDS);
    return new BurstResult(
        workflows,
        recorder.completed(),
        recorder.failed(),
        (recorder.lastStartedNanos(began) - began) / 1e9,
        (recorder.lastCompletedNanos(began) - began) / 1e9,
        LatencySummary.of(recorder.latencies()),
        drained,
        recorder.slowest(),
        recorder.failureMessages());
  }
}
