package io.apex.temporal.perf.load;

/**
 * Which workflow it was, when it was meant to start, when its start call returned and when its
 * result arrived, all in {@link System#nanoTime()} units. Latency counts from the intended start,
 * so a start that queued behind others counts against the system rather than vanishing.
 */
public record Completion(
    String workflowId, long intendedNanos, long startedNanos, long completedNanos) {

  public long latencyNanos() {
    return completedNanos - intendedNanos;
  }
}
