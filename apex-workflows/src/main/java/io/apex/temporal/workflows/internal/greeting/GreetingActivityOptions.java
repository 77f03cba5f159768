package io.apex.temporal.workflows.internal.greeting;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * How the greeting workflow runs its activity: the timeout and retry policy of the specification.
 */
public final class GreetingActivityOptions {
  public static final Duration START_TO_CLOSE_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration INITIAL_RETRY_INTERVAL = Duration.ofSeconds(1);
  public static final Duration MAXIMUM_RETRY_INTERVAL = Duration.ofSeconds(10);
  public static final int MAXIMUM_ATTEMPTS = 3;

  /**
   * Not in the specification; Temporal's own default and the Python version's, set here so that
   * what the examples print and what the server applies are the same number.
   */
  public static final double BACKOFF_COEFFICIENT = 2.0;

  private GreetingActivityOptions() {}

  public static RetryOptions retryOptions() {
    return RetryOptions.newBuilder()
        .setInitialInterval(INITIAL_RETRY_INTERVAL)
        .setMaximumInterval(MAXIMUM_RETRY_INTERVAL)
        .setBackoffCoefficient(BACKOFF_COEFFICIENT)
        .setMaximumAttempts(MAXIMUM_ATTEMPTS)
        .build();
  }

  public static ActivityOptions activityOptions() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(START_TO_CLOSE_TIMEOUT)
        .setRetryOptions(retryOptions())
        .build();
  }
}
