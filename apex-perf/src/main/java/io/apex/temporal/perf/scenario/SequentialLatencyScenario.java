package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.gaps.ClientTiming;
import io.apex.temporal.perf.gaps.WallClock;
import io.apex.temporal.perf.load.Completion;
import io.apex.temporal.perf.load.LatencySummary;
import io.apex.temporal.perf.load.ScenarioRecorder;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario (a): the latency of one workflow on an otherwise idle worker, measured over many
 * workflows run one after another.
 */
public final class SequentialLatencyScenario {
  private final ScenarioContext context;
  private final int workflows;
  private final WallClock clock = new WallClock();
  private final List<ClientTiming> timings = new ArrayList<>();

  public SequentialLatencyScenario(ScenarioContext context, int workflows) {
    this.context = context;
    this.workflows = workflows;
  }

  public SequentialResult run() {
    context.timeline().enter("sequential");
    ScenarioRecorder recorder = new ScenarioRecorder(context.timeline());
    long began = System.nanoTime();
    for (int i = 0; i < workflows; i++) {
      // The launcher's own timeout bounds this wait; a failure is recorded, not thrown.
      context
          .launcher()
          .launch(System.nanoTime())
          .whenComplete(recorder::record)
          .thenAccept(this::keepTiming)
          .handle((completion, failure) -> null)
          .join();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    return new SequentialResult(
        workflows,
        recorder.completed(),
        recorder.failed(),
        seconds,
        LatencySummary.of(recorder.latencies()),
        recorder.slowest(),
        recorder.failureMessages());
  }

  /** The client's view of every workflow that completed, in order, for the history gaps. */
  public List<ClientTiming> timings() {
    return List.copyOf(timings);
  }

  private void keepTiming(Completion completion) {
    timings.add(
        new ClientTiming(
            completion.workflowId(),
            clock.at(completion.intendedNanos()),
            clock.at(completion.startedNanos()),
            clock.at(completion.completedNanos())));
  }
}
