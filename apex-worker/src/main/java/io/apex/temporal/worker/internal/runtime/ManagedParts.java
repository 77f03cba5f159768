package io.apex.temporal.worker.internal.runtime;

import io.apex.temporal.worker.runtime.Managed;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts parts in order and stops the started ones in reverse. A part that fails to start stops the
 * ones before it, so a failed start-up leaves nothing running.
 */
public final class ManagedParts implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ManagedParts.class);

  private final List<Managed> parts;
  private final Deque<Managed> started = new ArrayDeque<>();

  public ManagedParts(List<Managed> parts) {
    this.parts = List.copyOf(parts);
  }

  public synchronized void start() throws Exception {
    for (Managed part : parts) {
      try {
        part.start();
        started.push(part);
      } catch (Exception | Error e) {
        // The caller reports the failure in one line; this says which part it was.
        log.debug("{} failed to start: {}", part.name(), e.getMessage());
        close();
        throw e;
      }
    }
  }

  /** Stops every started part, latest first. Safe to call more than once. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      Managed part = started.pop();
      long begin = System.nanoTime();
      try {
        part.stop();
        log.info("stopped {} in {} ms", part.name(), (System.nanoTime() - begin) / 1_000_000);
      } catch (RuntimeException e) {
        log.warn("stopping {} failed: {}", part.name(), e.toString());
      }
    }
  }
}
