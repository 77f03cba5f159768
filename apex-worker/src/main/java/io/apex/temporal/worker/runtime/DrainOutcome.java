package io.apex.temporal.worker.runtime;

import java.time.Duration;

/**
 * How a stop went: whether every task the worker had taken finished within the drain timeout, and
 * whether polls in flight were cut off. A server that completes polls on worker shutdown
 * (capability {@code worker_poll_complete_on_shutdown}, dynamic config {@code
 * frontend.enableCancelWorkerPollsOnShutdown}) lets the SDK wait for them; on any other server the
 * SDK cancels them, and a task the server handed to one at that moment is only retried after its
 * timeout (10 s for a workflow task), by another worker.
 */
public record DrainOutcome(
    boolean clean, Duration took, int interruptedActivities, boolean pollsCutOff) {

  /** A stop with nothing to drain: the worker never polled. */
  public static DrainOutcome nothingToDrain() {
    return new DrainOutcome(true, Duration.ZERO, 0, false);
  }
}
