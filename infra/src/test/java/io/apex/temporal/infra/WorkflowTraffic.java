package io.apex.temporal.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.HeldActivity;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A mix of workflows that gives every dashboard panel something real to show: completions, failures
 * after activity retries, a cancellation, a termination, timeouts, a workflow task failure (an
 * unregistered workflow type), a duplicate start (ALREADY_EXISTS), a result asked for a workflow
 * that does not exist (NOT_FOUND on a long poll) and activities that complete after their workflow
 * closed (NOT_FOUND on RespondActivityTaskCompleted).
 */
public final class WorkflowTraffic {
  public static final int COMPLETED = 6;
  public static final int FAILED = 3;
  private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);

  private final WorkflowClient client;
  private final String taskQueue;
  private final HeldActivity activities;
  private final String prefix = "traffic-" + System.nanoTime() + "-";

  public WorkflowTraffic(WorkflowClient client, String taskQueue, HeldActivity activities) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.activities = activities;
  }

  public void run() throws TimeoutException {
    List<WorkflowStub> completing = new ArrayList<>();
    for (int i = 0; i < COMPLETED; i++) {
      completing.add(start("ok-" + i, "Ada-" + i, null));
    }
    List<WorkflowStub> failing = new ArrayList<>();
    for (int i = 0; i < FAILED; i++) {
      failing.add(start("fail-" + i, "fail-" + i, null));
    }
    WorkflowStub cancelled = start("cancel", "hold-cancel", null);
    WorkflowStub terminated = start("terminate", "hold-terminate", null);
    WorkflowStub timedOut = start("timeout", "hold-timeout", SHORT_TIMEOUT);
    WorkflowStub unregistered =
        client.newUntypedWorkflowStub(
            "UnregisteredWorkflow", options("unregistered", SHORT_TIMEOUT));
    unregistered.start("nobody serves this type");

    try {
      Deadline.require(
          Duration.ofSeconds(20),
          "three held activities to start",
          () -> activities.started() == 3);
      cancelled.cancel();
      terminated.terminate("closed by the monitoring test");
      assertThatThrownBy(() -> start("timeout", "duplicate", null))
          .as("a second start with a running workflow's ID")
          .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
      assertThatThrownBy(
              () ->
                  client
                      .newUntypedWorkflowStub(prefix + "never-started")
                      .getResult(5, TimeUnit.SECONDS, String.class))
          .isInstanceOf(WorkflowNotFoundException.class);

      assertClosedWith(cancelled, "was cancelled");
      assertClosedWith(timedOut, "timed out");
      assertClosedWith(unregistered, "timed out");
    } finally {
      // The held activities now complete after their workflows closed.
      activities.release();
    }
    for (WorkflowStub stub : completing) {
      assertThat(stub.getResult(30, TimeUnit.SECONDS, String.class)).startsWith("Hello, Ada-");
    }
    for (WorkflowStub stub : failing) {
      assertClosedWith(stub, "no greeting for fail-");
    }
    assertThat(client.fetchHistory(prefix + "terminate").getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED);
  }

  /**
   * A little more of the same right now: completions and a result asked for a missing workflow. A
   * panel's ratio over the last minute is 0/0, NaN, once its traffic is older than that, as on a
   * slow machine it can be by the time a dashboard is checked.
   */
  public void refresh() throws TimeoutException {
    String round = "refresh-" + System.nanoTime() + "-";
    for (int i = 0; i < 3; i++) {
      assertThat(
              start(round + i, "Ada-" + round + i, null)
                  .getResult(30, TimeUnit.SECONDS, String.class))
          .startsWith("Hello, Ada-");
    }
    assertThatThrownBy(
            () ->
                client
                    .newUntypedWorkflowStub(prefix + round + "never-started")
                    .getResult(5, TimeUnit.SECONDS, String.class))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  private WorkflowStub start(String id, String name, Duration executionTimeout) {
    GreetingWorkflow workflow =
        client.newWorkflowStub(GreetingWorkflow.class, options(id, executionTimeout));
    WorkflowClient.start(workflow::greet, name);
    return WorkflowStub.fromTyped(workflow);
  }

  private WorkflowOptions options(String id, Duration executionTimeout) {
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(prefix + id);
    if (executionTimeout != null) {
      options.setWorkflowExecutionTimeout(executionTimeout);
    }
    return options.build();
  }

  /** The workflow closed without a result, and the failure or one of its causes says why. */
  private static void assertClosedWith(WorkflowStub stub, String reason) {
    assertThatThrownBy(() -> stub.getResult(30, TimeUnit.SECONDS, String.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasStackTraceContaining(reason);
  }
}
