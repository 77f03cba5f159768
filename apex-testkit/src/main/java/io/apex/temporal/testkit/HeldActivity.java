package io.apex.temporal.testkit;

import io.apex.temporal.workflows.greeting.GreetingActivities;
import io.apex.temporal.workflows.internal.greeting.GreetingActivitiesImpl;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A greeting activity that holds each call open until the test releases it, counting how many calls
 * started, completed and were interrupted (what a hard stop of the worker does), so that a test can
 * put work in flight and then act on it. A held call that is never released fails after the longest
 * hold, so a forgetful test cannot hang a worker.
 */
public final class HeldActivity implements GreetingActivities {
  private static final Duration LONGEST_HOLD = Duration.ofMinutes(2);

  private final Predicate<String> holds;
  private final Duration longestHold;
  private final BooleanSupplier releasedElsewhere;
  private final AtomicBoolean released = new AtomicBoolean();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger interrupted = new AtomicInteger();

  private HeldActivity(
      Predicate<String> holds, Duration longestHold, BooleanSupplier releasedElsewhere) {
    this.holds = holds;
    this.longestHold = longestHold;
    this.releasedElsewhere = releasedElsewhere;
  }

  /** Holds every call until {@link #release()}. */
  public HeldActivity() {
    this(name -> true, LONGEST_HOLD, () -> false);
  }

  /** Holds the calls whose name matches, at most {@code longestHold}; greets the others at once. */
  public static HeldActivity holding(Predicate<String> holds, Duration longestHold) {
    return new HeldActivity(holds, longestHold, () -> false);
  }

  /**
   * Holds every call until {@link #release()} or until {@code released} holds, asked on the
   * activity's own thread (so it may read the activity's context), e.g. a marker file another
   * process writes.
   */
  public static HeldActivity releasedWhen(BooleanSupplier released) {
    return new HeldActivity(name -> true, LONGEST_HOLD, released);
  }

  @Override
  public String greet(String name) {
    if (!holds.test(name)) {
      return GreetingActivitiesImpl.greeting(name);
    }
    started.incrementAndGet();
    boolean releasedInTime =
        Deadline.await(longestHold, () -> released.get() || releasedElsewhere.getAsBoolean());
    if (Thread.currentThread().isInterrupted()) {
      interrupted.incrementAndGet();
      throw new IllegalStateException("interrupted while held: the worker stopped hard");
    }
    if (!releasedInTime) {
      throw new IllegalStateException("never released within " + longestHold);
    }
    completed.incrementAndGet();
    return GreetingActivitiesImpl.greeting(name);
  }

  /** Waits until at least {@code calls} held calls have started; fails naming them otherwise. */
  public void awaitStarted(int calls, Duration timeout) {
    Deadline.require(timeout, calls + " held activities to start", () -> started.get() >= calls);
  }

  /** Lets every held call, now and later, complete. */
  public void release() {
    released.set(true);
  }

  /** Held calls that started. */
  public int started() {
    return started.get();
  }

  /** Held calls that were released and returned their greeting. */
  public int completed() {
    return completed.get();
  }

  /** Held calls that received an interrupt while held: what a hard stop of the worker does. */
  public int interrupted() {
    return interrupted.get();
  }
}
