package io.apex.temporal.workflows.internal.ingestion;

import io.apex.temporal.workflows.ingestion.IngestionFailures;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * How the ingestion workflow runs each activity: the timeouts and retry policies of the issue's
 * table, with backoff coefficient 2 and the failure types that are never retried.
 */
public final class IngestionActivityOptions {
  public static final double BACKOFF_COEFFICIENT = 2.0;

  public static final Duration STAGE_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration PARSE_TIMEOUT = Duration.ofSeconds(30);

  /** Parsing gets this much more time per MiB staged, on top of {@link #PARSE_TIMEOUT}. */
  public static final Duration PARSE_TIMEOUT_PER_MIB = Duration.ofSeconds(10);

  public static final Duration PARSE_TIMEOUT_CEILING = Duration.ofMinutes(10);
  public static final Duration ENTITIES_TIMEOUT = Duration.ofMinutes(2);
  public static final Duration EMBEDDINGS_TIMEOUT = Duration.ofMinutes(3);
  public static final Duration WRITE_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration CLEANUP_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration COMPENSATION_TIMEOUT = Duration.ofMinutes(1);

  /**
   * Not in the table: the worker heartbeats while an activity runs, so a worker that dies
   * loses its attempt after this long, not after the start-to-close timeout (5 minutes for a
   * write); a slow but live activity keeps its attempt.
   */
  public static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(15);

  private static final long MIB = 1024L * 1024L;

  private IngestionActivityOptions() {}

  public static final Duration DELETE_TIMEOUT = Duration.ofMinutes(1);

  /**
   * A deletion is retried until it succeeds (every attempt is idempotent), backing off to a minute
   * between attempts; only a malformed request is never retried.
   */
  public static ActivityOptions delete() {
    // Maximum attempts 0: unlimited.
    return options(
        DELETE_TIMEOUT,
        retry(Duration.ofSeconds(1), Duration.ofMinutes(1), 0, IngestionFailures.INVALID_REQUEST));
  }

  public static ActivityOptions stage() {
    return options(
        STAGE_TIMEOUT,
        retry(
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            3,
            IngestionFailures.NOT_FOUND,
            IngestionFailures.INVALID_DOCUMENT));
  }

  /** The parse timeout grows with the staged size, so a large document is not cut off. */
  public static ActivityOptions parse(long stagedBytes) {
    return options(
        parseTimeout(stagedBytes),
        retry(
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            3,
            IngestionFailures.INVALID_DOCUMENT,
            IngestionFailures.NOT_FOUND));
  }

  public static Duration parseTimeout(long stagedBytes) {
    long bytes = Math.max(0, stagedBytes);
    long mebibytes = bytes / MIB + (bytes % MIB == 0 ? 0 : 1);
    long ceilingMebibytes =
        PARSE_TIMEOUT_CEILING.minus(PARSE_TIMEOUT).dividedBy(PARSE_TIMEOUT_PER_MIB);
    return mebibytes >= ceilingMebibytes
        ? PARSE_TIMEOUT_CEILING
        : PARSE_TIMEOUT.plus(PARSE_TIMEOUT_PER_MIB.multipliedBy(mebibytes));
  }

  public static ActivityOptions extractEntities() {
    return options(
        ENTITIES_TIMEOUT,
        retry(
            Duration.ofSeconds(2), Duration.ofSeconds(60), 3, IngestionFailures.INVALID_DOCUMENT));
  }

  public static ActivityOptions generateEmbeddings() {
    return options(
        EMBEDDINGS_TIMEOUT,
        retry(
            Duration.ofSeconds(1), Duration.ofSeconds(60), 5, IngestionFailures.INVALID_DOCUMENT));
  }

  public static ActivityOptions write() {
    return options(
        WRITE_TIMEOUT,
        retry(Duration.ofSeconds(5), Duration.ofSeconds(60), 3, IngestionFailures.VALIDATION));
  }

  public static ActivityOptions cleanup() {
    return options(CLEANUP_TIMEOUT, retry(Duration.ofSeconds(1), Duration.ofSeconds(10), 2));
  }

  /**
   * Undoing a write is not in the table; it gets the write's patience, because giving up
   * would leave a version that a later step refused.
   */
  public static ActivityOptions undoWrite() {
    return options(COMPENSATION_TIMEOUT, retry(Duration.ofSeconds(1), Duration.ofSeconds(30), 5));
  }

  private static RetryOptions retry(
      Duration initial, Duration maximum, int attempts, String... nonRetryable) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setMaximumInterval(maximum)
        .setBackoffCoefficient(BACKOFF_COEFFICIENT)
        .setMaximumAttempts(attempts)
        .setDoNotRetry(nonRetryable)
        .build();
  }

  private static ActivityOptions options(Duration timeout, RetryOptions retry) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(timeout)
        .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
        .setRetryOptions(retry)
        .build();
  }
}
