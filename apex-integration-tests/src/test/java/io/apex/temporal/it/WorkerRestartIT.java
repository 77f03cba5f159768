package io.apex.temporal.it;

import static io.temporal.api.enums.v1.EventType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.ChildWorker;
import io.apex.temporal.it.support.DevServerTarget;
import io.apex.temporal.it.support.EmbeddedServerTarget;
import io.apex.temporal.it.support.HeldActivity;
import io.apex.temporal.it.support.Histories;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.it.support.TemporalTarget;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.worker.polling.DrainOutcome;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
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
  private static final String GREETING = "Hello, Restart! Welcome to Apex Memory System with Temporal.io!";

  private GreetingWorkflow startHeldWorkflow(String queue) {
    GreetingWorkflow workflow = greeting(queue, queue);
    WorkflowClient.start(workflow::greet, "Restart");
    return workflow;
  }

  private void assertCompletedOnceWith(String workflowId, GreetingWorkflow workflow)
      throws Exception {
    assertThat(WorkflowStub.fromTyped(workflow).getResultAsync(String.class)
        .get(60, TimeUnit.SECONDS)).isEqualTo(GREETING);
    assertThat(Histories.count(client(), workflowId, EVENT_TYPE_ACTIVITY_TASK_COMPLETED)).isEqualTo(1);
    assertThat(Histories.count(client(), workflowId, EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)).isEqualTo(1);
  }

  @Test
  void gracefulStopDrainsTheInFlightActivityAndTheNextWorkerCompletesTheWorkflow() throws Exception {
    String queue = uniqueQueue("graceful");
    HeldActivity held = new HeldActivity();
    WorkerRuntime first = startWorker(queue, WorkflowCatalog.standard().withActivities(held));
    GreetingWorkflow workflow = startHeldWorkflow(queue);
    held.awaitStarted(1, WAIT);

    CompletableFuture<DrainOutcome> stopping = CompletableFuture.supplyAsync(first::stop);
    Deadline.require(WAIT, "the worker to stop polling", () -> !first.readiness().ready());
    assertThat(stopping).isNotDone();
    held.release();
    assertThat(stopping.get(30, TimeUnit.SECONDS).clean()).isTrue();
    assertThat(held.completed()).isEqualTo(1);

    startWorker(queue, WorkflowCatalog.standard());
    assertCompletedOnceWith(queue, workflow);
    assertThat(Histories.activityAttempts(client(), queue)).containsExactly(1);
  }

  @Test
  void hardStopLosesTheAttemptAndTheNextWorkerCompletesTheWorkflowOnARetry() throws Exception {
    String queue = uniqueQueue("hard");
    HeldActivity held = new HeldActivity();
    WorkerRuntime first = startWorker(queue, WorkflowCatalog.standard().withActivities(held));
    GreetingWorkflow workflow = startHeldWorkflow(queue);
    held.awaitStarted(1, WAIT);

    first.stopNow();
    held.release();
    assertThat(held.completed()).isZero();

    startWorker(queue, WorkflowCatalog.standard());
    assertCompletedOnceWith(queue, workflow);
    assertThat(Histories.activityAttempts(client(), queue)).singleElement()
        .satisfies(attempt -> assertThat(attempt).isGreaterThanOrEqualTo(2));
  }

  @Test
  void killedWorkerProcessLosesTheAttemptAndTheNextWorkerCompletesAfterTheTimeout(
      @TempDir Path markers) throws Exception {
    String queue = uniqueQueue("killed");
    try (ChildWorker child = ChildWorker.heldActivity(childSettings(queue, markers))) {
      GreetingWorkflow workflow = startHeldWorkflow(queue);
      Deadline.require(WAIT, "the child's activity to start\n" + child.output(),
          () -> Files.exists(markers.resolve(queue + ".started")));

      child.kill();
      Files.writeString(markers.resolve(queue + ".release"), "");

      startWorker(queue, WorkflowCatalog.standard());
      assertCompletedOnceWith(queue, workflow);
      assertThat(markers.resolve(queue + ".completed")).doesNotExist();
      // The killed attempt never reported back; Temporal retried after the 10 s start-to-close.
      assertThat(Histories.activityAttempts(client(), queue)).containsExactly(2);
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
      return new EmbeddedServerTarget();
    }
  }

  @DisplayName("worker restart on temporal server start-dev")
  static class OnDevServer extends WorkerRestartIT {
    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }
  }
}
