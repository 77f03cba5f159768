package io.apex.temporal.it.support;

import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.workflows.greeting.GreetingActivities;
import io.apex.temporal.workflows.internal.greeting.GreetingActivitiesImpl;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A greeting activity that holds each call open until the test releases it, counting how many calls
 * started, how many completed and how many were interrupted, so a test can put work in flight and
 * then act on it.
 */
public final class HeldActivity implements GreetingActivities {
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger interrupted = new AtomicInteger();

  @Override
  public String greet(String name) {
    started.incrementAndGet();
    try {
      if (!released.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      interrupted.incrementAndGet();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: the worker stopped hard", e);
    }
    completed.incrementAndGet();
    return GreetingActivitiesImpl.greeting(name);
  }

  public void awaitStarted(int calls, Duration timeout) {
    Deadline.require(timeout, calls + " held activities to start", () -> started.get() >= calls);
  }

  public void release() {
    released.countDown();
  }

  public int started() {
    return started.get();
  }

  public int completed() {
    return completed.get();
  }

  /** Calls that received an interrupt while held: what a hard stop of the worker does. */
  public int interrupted() {
    return interrupted.get();
  }
}
