package io.apex.temporal.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or time runs out; the one place tests wait. */
public final class Deadline {
  private static final Duration POLL = Duration.ofMillis(50);

  private Deadline() {}

  /** Returns true once the condition holds, false if it still does not after {@code timeout}. */
  public static boolean await(Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() >= end) {
        return false;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** Like {@link #await} but throws, naming what was awaited, when time runs out. */
  public static void require(Duration timeout, String what, BooleanSupplier condition) {
    if (!await(timeout, condition)) {
      throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
    }
  }
}
