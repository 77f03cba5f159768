package io.apex.temporal.perf.load;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Keeps a fixed number of workflows in flight: each result frees a slot for the next start. One
 * driver thread waits for free slots; no thread waits for a workflow.
 */
public final class ClosedLoop {
  private final WorkflowLauncher launcher;
  private final int concurrency;
  private final Duration drainTimeout;

  /**
   * @param drainTimeout how long the loop waits for its last workflows once it stops starting
   */
  public ClosedLoop(WorkflowLauncher launcher, int concurrency, Duration drainTimeout) {
    this.launcher = launcher;
    this.concurrency = concurrency;
    this.drainTimeout = drainTimeout;
  }

  /**
   * What a closed loop did: how many it started, and how many finished inside its window, with
   * those workflows' IDs.
   */
  public record Run(
      long launched,
      long completedInWindow,
      long beganNanos,
      long windowEndNanos,
      boolean drained,
      List<String> completedInWindowIds) {

    public double windowSeconds() {
      return (windowEndNanos - beganNanos) / 1e9;
    }
  }

  /** Starts workflows for {@code duration}, then waits for the ones still in flight. */
  public Run runFor(Duration duration, ScenarioRecorder recorder) throws InterruptedException {
    long began = System.nanoTime();
    long end = began + duration.toNanos();
    Semaphore slots = new Semaphore(concurrency);
    LongAdder inWindow = new LongAdder();
    Queue<String> inWindowIds = new ConcurrentLinkedQueue<>();
    long launched = 0;
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        break;
      }
      launched++;
      launch(
          slots,
          recorder,
          completion -> {
            if (completion.completedNanos() <= end) {
              inWindow.increment();
              inWindowIds.add(completion.workflowId());
            }
          });
    }
    boolean drained = drain(slots);
    return new Run(launched, inWindow.sum(), began, end, drained, List.copyOf(inWindowIds));
  }

  /** Runs exactly {@code count} workflows and waits for all of them. */
  public Run runCount(int count, ScenarioRecorder recorder) throws InterruptedException {
    long began = System.nanoTime();
    Semaphore slots = new Semaphore(concurrency);
    LongAdder completed = new LongAdder();
    Queue<String> completedIds = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < count; i++) {
      slots.acquire();
      launch(
          slots,
          recorder,
          completion -> {
            completed.increment();
            completedIds.add(completion.workflowId());
          });
    }
    boolean drained = drain(slots);
    return new Run(
        count, completed.sum(), began, System.nanoTime(), drained, List.copyOf(completedIds));
  }

  private void launch(Semaphore slots, ScenarioRecorder recorder, Consumer<Completion> onSuccess) {
    launcher
        .launch(System.nanoTime())
        .whenComplete(
            (completion, failure) -> {
              try {
                recorder.record(completion, failure);
                if (failure == null) {
                  onSuccess.accept(completion);
                }
              } finally {
                slots.release();
              }
            });
  }

  private boolean drain(Semaphore slots) throws InterruptedException {
    if (!slots.tryAcquire(concurrency, drainTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    slots.release(concurrency);
    return true;
  }
}
