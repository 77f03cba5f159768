package io.apex.temporal.perf.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts workflows on a fixed schedule, whatever the system does with them: the way real traffic
 * arrives. Each workflow's latency counts from its place in the schedule, so when starts fall
 * behind the delay shows in the figures (no coordinated omission).
 */
public final class OpenLoop {
  private final WorkflowLauncher launcher;
  private final Duration drainTimeout;

  /**
   * @param drainTimeout how long the loop waits for its last workflows once the schedule ends
   */
  public OpenLoop(WorkflowLauncher launcher, Duration drainTimeout) {
    this.launcher = launcher;
    this.drainTimeout = drainTimeout;
  }

  /** What an open loop did: the rate asked for, starts made, and whether all results came. */
  public record Run(
      int ratePerSecond, long launched, long beganNanos, long scheduleEndNanos, boolean drained) {}

  /** Starts {@code ratePerSecond} workflows a second for {@code duration}, then waits for them. */
  public Run run(int ratePerSecond, Duration duration, ScenarioRecorder recorder)
      throws InterruptedException {
    int count = (int) Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
    double periodNanos = 1e9 / ratePerSecond;
    CountDownLatch outstanding = new CountDownLatch(count);
    long began = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long intended = began + Math.round(i * periodNanos);
      waitUntil(intended);
      launcher
          .launch(intended)
          .whenComplete(
              (completion, failure) -> {
                recorder.record(completion, failure);
                outstanding.countDown();
              });
    }
    long scheduleEnd = System.nanoTime();
    boolean drained = outstanding.await(drainTimeout.toNanos(), TimeUnit.NANOSECONDS);
    return new Run(ratePerSecond, count, began, scheduleEnd, drained);
  }

  private static void waitUntil(long nanos) throws InterruptedException {
    for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException("open loop interrupted");
      }
    }
  }
}
