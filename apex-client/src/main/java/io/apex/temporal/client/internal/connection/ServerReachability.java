package io.apex.temporal.client.internal.connection;

import io.apex.temporal.client.TemporalUnreachableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the server to answer, retrying with exponential backoff for at most the connect
 * timeout, then checks that the namespace exists. Answers that retrying cannot fix (a refused API
 * key, say) fail at once.
 */
public final class ServerReachability {
  private static final Logger log = LoggerFactory.getLogger(ServerReachability.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
  private static final Duration MAX_ATTEMPT = Duration.ofSeconds(5);
  private static final Set<Status.Code> FINAL =
      Set.of(
          Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED, Status.Code.INVALID_ARGUMENT);

  private final String target;
  private final Duration timeout;

  public ServerReachability(String target, Duration timeout) {
    this.target = target;
    this.timeout = timeout;
  }

  /** Returns the server's system info once it answers. */
  public GetSystemInfoResponse await(WorkflowServiceStubs stubs)
      throws TemporalUnreachableException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      long attemptMillis = Math.max(200, Math.min(MAX_ATTEMPT.toMillis(), millisLeft(deadline)));
      try {
        return stubs
            .blockingStub()
            .withDeadlineAfter(attemptMillis, TimeUnit.MILLISECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      } catch (StatusRuntimeException e) {
        String why = describe(e);
        if (FINAL.contains(e.getStatus().getCode())) {
          throw new TemporalUnreachableException(
              "Temporal at " + target + " refused the connection: " + why, e);
        }
        long left = millisLeft(deadline);
        if (left <= 0) {
          throw new TemporalUnreachableException(
              "could not reach Temporal at "
                  + target
                  + " within "
                  + timeout.toMillis()
                  + " ms ("
                  + attempt
                  + " attempts): "
                  + why,
              e);
        }
        long pause = Math.min(backoff.toMillis(), left);
        log.info(
            "Temporal at {} not reachable yet ({}); retrying in {} ms, {} ms left",
            target,
            why,
            pause,
            left);
        sleep(pause);
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  /** Fails with a clear message when the namespace does not exist on the server. */
  public DescribeNamespaceResponse checkNamespace(WorkflowServiceStubs stubs, String namespace)
      throws TemporalUnreachableException {
    try {
      return stubs
          .blockingStub()
          .withDeadlineAfter(MAX_ATTEMPT.toMillis(), TimeUnit.MILLISECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
    } catch (StatusRuntimeException e) {
      throw new TemporalUnreachableException(
          "namespace '" + namespace + "' is not usable at " + target + ": " + describe(e), e);
    }
  }

  private static String describe(StatusRuntimeException e) {
    String description = e.getStatus().getDescription();
    return e.getStatus().getCode() + (description == null ? "" : ": " + description);
  }

  private static long millisLeft(long deadline) {
    return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
  }

  private static void sleep(long millis) throws TemporalUnreachableException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TemporalUnreachableException("interrupted while connecting", e);
    }
  }
}
