package io.apex.temporal.perf.scenario;

import io.apex.temporal.perf.load.ClosedLoop;
import io.apex.temporal.perf.load.ScenarioRecorder;
import io.apex.temporal.perf.memory.HeapAfterGc;
import io.apex.temporal.perf.memory.LinearFit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (d): runs workflows in batches and, between batches, with nothing in flight, samples the
 * heap this JVM (the worker's) retains after a full GC. A leak shows as a slope; the slope is
 * fitted over every sample so that one noisy sample cannot decide the verdict.
 */
public final class MemoryScenario {
  private static final Logger log = LoggerFactory.getLogger(MemoryScenario.class);
  private static final int WARM_UP_BATCHES = 2;

  private final ScenarioContext context;
  private final HeapAfterGc heap;
  private final String server;
  private final int workflows;
  private final int sampleEvery;
  private final int concurrency;

  /**
   * @param server which Temporal server the worker used, for the report
   */
  public MemoryScenario(
      ScenarioContext context,
      HeapAfterGc heap,
      String server,
      int workflows,
      int sampleEvery,
      int concurrency) {
    this.context = context;
    this.heap = heap;
    this.server = server;
    this.workflows = workflows;
    this.sampleEvery = sampleEvery;
    this.concurrency = concurrency;
  }

  public MemoryResult run() throws InterruptedException {
    context.timeline().enter("memory");
    ClosedLoop loop = new ClosedLoop(context.launcher(), concurrency, context.drainTimeout());
    // Two unsampled batches first: this worker is fresh, and its first workflows load classes and
    // fill caches and pools that then stay the same size. Measured, that growth ends within the
    // first thousand or two workflows; sampled, it would read as a slope.
    ScenarioRecorder warmUp = new ScenarioRecorder(context.timeline());
    boolean drained = loop.runCount(WARM_UP_BATCHES * sampleEvery, warmUp).drained();

    ScenarioRecorder recorder = new ScenarioRecorder(context.timeline());
    List<HeapSample> samples = new ArrayList<>();
    long began = System.nanoTime();
    samples.add(sample(0));
    long done = 0;
    while (done < workflows) {
      int batch = (int) Math.min(sampleEvery, workflows - done);
      drained &= loop.runCount(batch, recorder).drained();
      done += batch;
      samples.add(sample(done));
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    LinearFit fit =
        LinearFit.of(
            samples.stream()
                .map(s -> new LinearFit.Point(s.workflows(), s.heapUsedBytes()))
                .toList());
    return new MemoryResult(
        true,
        "",
        server,
        workflows,
        sampleEvery,
        concurrency,
        recorder.completed(),
        recorder.failed() + warmUp.failed(),
        seconds,
        recorder.completed() / seconds,
        samples,
        fit.slope() * 10_000,
        fit.intercept(),
        samples.stream().mapToLong(HeapSample::heapUsedBytes).min().orElse(0),
        samples.stream().mapToLong(HeapSample::heapUsedBytes).max().orElse(0),
        merged(warmUp.failureMessages(), recorder.failureMessages()),
        drained);
  }

  private HeapSample sample(long workflowsDone) {
    HeapSample sample =
        new HeapSample(
            workflowsDone,
            heap.usedBytes(),
            context.timeline().secondsSinceStart(System.nanoTime()));
    log.info(
        "heap after GC with {} workflows done: {} MiB",
        workflowsDone,
        String.format("%.1f", sample.heapUsedBytes() / 1048576.0));
    return sample;
  }

  private static List<String> merged(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
