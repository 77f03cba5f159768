package io.apex.temporal.perf.scenario;

import java.util.List;

/**
 * Scenario (d): the worker's heap after a full GC, sampled between batches of workflows, and the
 * least-squares slope of those samples per 10,000 workflows. {@code notMeasured} says why when the
 * scenario could not run (load-only mode: the worker is in another process); {@code drained} is
 * false when some batch's workflows were still in flight at its timeout.
 */
public record MemoryResult(
    boolean measured,
    String notMeasured,
    String server,
    int workflows,
    int sampleEvery,
    int concurrency,
    long completed,
    long failed,
    double seconds,
    double workflowsPerSecond,
    List<HeapSample> samples,
    double slopeBytesPer10kWorkflows,
    double interceptBytes,
    long minHeapBytes,
    long maxHeapBytes,
    List<String> failureMessages,
    boolean drained) {

  public static MemoryResult notMeasured(String reason) {
    return new MemoryResult(
        false, reason, "", 0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0, 0, List.of(), false);
  }
}
