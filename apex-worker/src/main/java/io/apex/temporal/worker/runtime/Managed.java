package io.apex.temporal.worker.runtime;

/**
 * A long-lived part of the worker process. The runtime starts parts in order and stops them in
 * reverse; each part bounds its own stop in time.
 */
public interface Managed {
  /** A short name for log lines, e.g. {@code metrics endpoint}. */
  String name();

  void start() throws Exception;

  void stop();
}
