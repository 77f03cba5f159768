package io.apex.temporal.ingestion.internal;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;

/**
 * Whether the Temporal activity attempt this thread runs is still wanted. An attempt that timed out
 * or was cancelled goes on running in the worker unless it looks: its heartbeat then throws, and
 * the work stops there instead of holding the model for batches nobody will use.
 */
final class CurrentAttempt {
  private CurrentAttempt() {}

  /**
   * Throws {@link ActivityCompletionException} when the server has given this attempt up; does
   * nothing outside an activity (the components called directly, as their tests do).
   */
  static void stopIfAbandoned() {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException e) {
      return;
    }
    // The SDK throttles the call and throws what the server last answered: gone or cancelled.
    context.heartbeat(null);
  }
}
