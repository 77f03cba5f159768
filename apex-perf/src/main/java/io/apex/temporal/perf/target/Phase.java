package io.apex.temporal.perf.target;

/**
 * The two parts of a run. The memory phase gets a fresh worker, and on the embedded target a server
 * in another JVM, so that only the worker's own objects are on the sampled heap.
 */
public enum Phase {
  THROUGHPUT,
  MEMORY
}
