package io.apex.temporal.worker.runtime;

/** Whether the worker should receive work now, and in words why (or why not). */
public interface Readiness {
  record State(boolean ready, String description) {}

  State state();
}
