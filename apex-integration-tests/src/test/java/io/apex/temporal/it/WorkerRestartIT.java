package io.apex.temporal.it;

import static io.temporal.api.enums.v1.EventType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.ChildWorker;
import io.apex.temporal.it.support.Histories;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.HeldActivity;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.worker.runtime.DrainOutcome;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker goes away while an activity is in flight. Gracefully, the activity finishes and is
 * reported; hard, the attempt is lost and Temporal retries it on the next worker. Either way the
 * workflow completes exactly once and nothing is lost.
 */
abstract class WorkerRestartIT extends IntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String GREETING =
      "Hello, Restart! Welcome to Apex Memory System with Temporal.io!";

  private GreetingWorkflow startHeldWorkflow(String queue) {
    GreetingWorkflow workflow = greeting(queue, queue);
    WorkflowClient.start(workflow::greet, "Restart");
    return workflow;
  }

  private void assertCompletedOnceWith(String workflowId, GreetingWorkflow workflow)
      throws Exception {
    assertThat(
            WorkflowStub.fromTyped(workflow).getResultAsync(String.class).get(60, TimeUnit.SECONDS))
        .isEqualTo(GREETING);
    assertThat(Histories.count(client(), workflowId, EVENT_TYPE_ACTIVITY_TASK_COMPLETED))
        .isEqualTo(1);
    assertThat(Histories.count(client(), workflowId, EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED))
        .isEqualTo(1);
  }

  @Test
  void gracefulStopDrainsTheInFlightActivityAndTheNextWorkerCompletesTheWorkflow()
      throws Exception {
    String queue = uniqueQueue("graceful");
    HeldActivity held = new HeldActivity();
    WorkerRuntime first = startWorker(queue, WorkflowCatalog.standard().withActivities(held));
    GreetingWorkflow workflow = startHeldWorkflow(queue);
    held.awaitStarted(1, WAIT);

    CompletableFuture<DrainOutcome> stopping = CompletableFuture.supplyAsync(first::drain);
    Deadline.require(WAIT, "the worker to stop polling", () -> !first.readiness().ready());
    assertThat(stopping).isNotDone();
    held.release();
    assertThat(stopping.get(30, TimeUnit.SECONDS).clean()).isTrue();
    assertThat(held.completed()).isEqualTo(1);

    startWorker(queue, WorkflowCatalog.standard());
    assertCompletedOnceWith(queue, workflow);
    assertThat(Histories.activityAttempts(client(), queue)).containsExactly(1);
    assertThat(Histories.lastFailureBeforeLastAttempt(client(), queue)).isEmpty();
    // Rechecked after the workflow closed: the drained call was the only one.
    assertThat(held.started()).isEqualTo(1);
    assertThat(held.completed()).isEqualTo(1);
    assertThat(held.interrupted()).isZero();
  }

  @Test
  void hardStopLosesTheAttemptAndTheNextWorkerCompletesTheWorkflowOnARetry() throws Exception {
    String queue = uniqueQueue("hard");
    HeldActivity held = new HeldActivity();
    WorkerRuntime first = startWorker(queue, WorkflowCatalog.standard().withActivities(held));
    GreetingWorkflow workflow = startHeldWorkflow(queue);
    held.awaitStarted(1, WAIT);

    first.stopNow();
    assertThat(held.interrupted()).isEqualTo(1);
    held.release();

    startWorker(queue, WorkflowCatalog.standard());
    assertCompletedOnceWith(queue, workflow);
    // One retry, after the lost attempt timed out: not a failure reported by the stopping worker.
    assertThat(Histories.activityAttempts(client(), queue)).containsExactly(2);
    assertLostAttemptTimedOut(queue);
    // Rechecked after the workflow closed: the interrupted call never completed, none ran again.
    assertThat(held.started()).isEqualTo(1);
    assertThat(held.completed()).isZero();
    assertThat(held.interrupted()).isEqualTo(1);
  }

  /** Whether the server keeps the previous attempt's failure on the activity's start event. */
  protected abstract boolean recordsLastFailure();

  /**
   * The first attempt was lost, not reported failed: the retry waited for greet_activity's 10 s
   * start-to-close timeout (a reported failure is retried after the 1 s backoff), and where the
   * server records the previous attempt's failure, it is that timeout.
   */
  private void assertLostAttemptTimedOut(String workflowId) {
    assertThat(Histories.untilLastAttemptStarted(client(), workflowId))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    java.util.Optional<Failure> lastFailure =
        Histories.lastFailureBeforeLastAttempt(client(), workflowId);
    if (!recordsLastFailure()) {
      assertThat(lastFailure).isEmpty();
      return;
    }
    assertThat(lastFailure)
        .as("the failure of the lost attempt")
        .hasValueSatisfying(
            failure -> {
              assertThat(failure.hasTimeoutFailureInfo()).as("a timeout: %s", failure).isTrue();
              assertThat(failure.getTimeoutFailureInfo().getTimeoutType())
                  .isEqualTo(TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE);
            });
  }

  @Test
  void killedWorkerProcessLosesTheAttemptAndTheNextWorkerCompletesAfterTheTimeout(
      @TempDir Path markers) throws Exception {
    String queue = uniqueQueue("killed");
    try (ChildWorker child = ChildWorker.heldActivity(childSettings(queue, markers))) {
      GreetingWorkflow workflow = startHeldWorkflow(queue);
      Deadline.require(
          WAIT,
          "the child's activity to start\n" + child.output(),
          () -> Files.exists(markers.resolve(queue + ".started")));

      child.kill();
      Files.writeString(markers.resolve(queue + ".release"), "");

      startWorker(queue, WorkflowCatalog.standard());
      assertCompletedOnceWith(queue, workflow);
      // The killed attempt never reported back; Temporal retried after the 10 s start-to-close.
      assertThat(Histories.activityAttempts(client(), queue)).containsExactly(2);
      assertLostAttemptTimedOut(queue);
      // Checked after the workflow closed: the killed process started the call once, never
      // completed it.
      assertThat(Files.readAllLines(markers.resolve(queue + ".started"))).hasSize(1);
      assertThat(markers.resolve(queue + ".completed")).doesNotExist();
    }
  }

  private Map<String, String> childSettings(String queue, Path markers) {
    return Map.of(
        "TEMPORAL_HOST", target.host(),
        "TEMPORAL_PORT", String.valueOf(target.port()),
        "TEMPORAL_TASK_QUEUE", queue,
        "TEMPORAL_METRICS_PORT", String.valueOf(FreePorts.next()),
        "TEMPORAL_EMBEDDED_SERVER", "never",
        "APEX_IT_MARKER_DIR", markers.toString());
  }

  @DisplayName("worker restart on the embedded Java test server")
  static class OnEmbeddedServer extends WorkerRestartIT {
    @Override
    protected TemporalTarget newTarget() {
      return embeddedServer();
    }

    /** The Java test server leaves the start event's last failure empty. */
    @Override
    protected boolean recordsLastFailure() {
      return false;
    }
  }

  @DisplayName("worker restart on temporal server start-dev")
  static class OnDevServer extends WorkerRestartIT {
    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }

    @Override
    protected boolean recordsLastFailure() {
      return true;
    }
  }
}
