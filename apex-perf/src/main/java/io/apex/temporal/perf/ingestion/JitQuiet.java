package io.apex.temporal.perf.ingestion;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Waits after a warm-up until the JIT compilers have worked through what it queued: on two busy
 * cores they get little CPU, and a backlog compiled during the measured phase would count the
 * worker's start-up against its steady state.
 */
final class JitQuiet {
  private static final long POLL_MILLIS = 500;

  /** Compiler time per poll under which the compilers count as idle. */
  private static final long IDLE_MILLIS_PER_POLL = 25;

  private JitQuiet() {}

  /** How long it waited; at most {@code limit}, after which it gives up waiting. */
  static Duration await(Duration limit) throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long begin = System.nanoTime();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return Duration.ZERO;
    }
    long deadline = begin + limit.toNanos();
    long before = jit.getTotalCompilationTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(POLL_MILLIS);
      long now = jit.getTotalCompilationTime();
      if (now - before < IDLE_MILLIS_PER_POLL) {
        break;
      }
      before = now;
    }
    return Duration.ofNanos(System.nanoTime() - begin);
  }
}
