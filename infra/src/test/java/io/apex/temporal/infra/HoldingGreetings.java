package io.apex.temporal.infra;

import io.apex.temporal.workflows.greeting.GreetingActivities;
import io.apex.temporal.workflows.internal.greeting.GreetingActivitiesImpl;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The greeting activity with behaviour chosen by the name, so one worker produces every outcome a
 * dashboard shows: {@code fail-*} throws (retried, then the workflow fails), {@code hold-*} waits
 * until released (so its workflow can be cancelled, terminated or time out while it runs), any
 * other name greets.
 */
public final class HoldingGreetings implements GreetingActivities {
  /** Longest a held activity waits, so a test that forgets to release cannot hang the worker. */
  private static final Duration MAX_HOLD = Duration.ofSeconds(30);

  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger holding = new AtomicInteger();

  @Override
  public String greet(String name) {
    if (name.startsWith("fail-")) {
      throw new IllegalStateException("no greeting for " + name);
    }
    if (name.startsWith("hold-")) {
      holding.incrementAndGet();
      try {
        release.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while held", e);
      }
    }
    return GreetingActivitiesImpl.greeting(name);
  }

  /** How many held activities have started. */
  public int holding() {
    return holding.get();
  }

  /** Lets every held activity complete. */
  public void release() {
    release.countDown();
  }
}
