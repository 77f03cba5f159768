package io.apex.temporal.perf.api;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How a search level warms up: rounds of {@code roundQueries} unmeasured queries until the JIT
 * compilers worked less than {@link #QUIET_SHARE} of the time in {@link #QUIET_ROUNDS} rounds in a
 * row, or {@code seconds} passed. A worker serves for days; what its compilers do in its first
 * minutes is start-up, not the steady state the latency targets are about (on two busy cores, C2
 * was still compiling a second per 6 s after 10,000 searches, and came back in bursts after a quiet
 * round).
 *
 * @param roundQueries queries per round, shared by the level's clients
 * @param seconds the longest the rounds may go on
 */
record SearchWarmUp(int roundQueries, int seconds) {
  /** The share of a round's time the compilers may work in a quiet round. */
  static final double QUIET_SHARE = 0.01;

  /** Quiet rounds in a row that end the warm-up. */
  static final int QUIET_ROUNDS = 2;

  /** What a level's warm-up sent, and whether it ended on quiet rounds. */
  record Done(long queries, boolean quiet) {}

  /** Runs rounds through {@code round} (given the round's number) until quiet or out of time. */
  Done run(Round round) throws Exception {
    return run(round, SearchWarmUp::compilerMillis);
  }

  /** As {@link #run(Round)}, the compilers' total time so far read from {@code compilerMillis}. */
  Done run(Round round, LongSupplier compilerMillis) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    long sent = 0;
    int quietInARow = 0;
    for (int r = 0; ; r++) {
      long compiledBefore = compilerMillis.getAsLong();
      long begin = System.nanoTime();
      sent += round.run(r);
      long roundMillis = Math.max(1, (System.nanoTime() - begin) / 1_000_000);
      boolean quiet = compilerMillis.getAsLong() - compiledBefore < QUIET_SHARE * roundMillis;
      quietInARow = quiet ? quietInARow + 1 : 0;
      if (quietInARow == QUIET_ROUNDS || System.nanoTime() >= deadline) {
        return new Done(sent, quietInARow == QUIET_ROUNDS);
      }
    }
  }

  /** The JIT compilers' total time in this JVM, the worker's own (it runs in-process). */
  private static long compilerMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      throw new IllegalStateException("this JVM does not report its JIT compilers' time");
    }
    return jit.getTotalCompilationTime();
  }

  /** One warm-up round; returns how many queries it sent. */
  @FunctionalInterface
  interface Round {
    long run(int round) throws Exception;
  }
}
