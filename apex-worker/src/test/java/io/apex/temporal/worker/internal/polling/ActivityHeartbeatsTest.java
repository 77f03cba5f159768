package io.apex.temporal.worker.internal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker heartbeats for an activity that has a heartbeat timeout while it runs, so a slow
 * activity keeps its attempt; only a worker that is gone loses it after the heartbeat timeout.
 */
class ActivityHeartbeatsTest {
  private static final String QUEUE = "heartbeats";
  private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(1);

  /** Three heartbeat timeouts of work without a single heartbeat from the activity's code. */
  private static final long WORK_MILLIS = 3_000;

  private WorkerRuntime runtime;

  @WorkflowInterface
  public interface SlowWorkflow {
    @WorkflowMethod
    String run();
  }

  @ActivityInterface
  public interface SlowActivity {
    @ActivityMethod
    String work();
  }

  public static class SlowWorkflowImpl implements SlowWorkflow {
    @Override
    public String run() {
      return Workflow.newActivityStub(
              SlowActivity.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build())
          .work();
    }
  }

  /** Work that takes a while and never heartbeats itself, as a parse or a model call does. */
  public static class SlowActivityImpl implements SlowActivity {
    @Override
    public String work() {
      try {
        new CountDownLatch(1).await(WORK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "done";
    }
  }

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.stopNow();
    }
  }

  @Test
  void anActivitySlowerThanItsHeartbeatTimeoutKeepsItsOnlyAttempt() throws Exception {
    runtime =
        new WorkerRuntime(
            SettingsMap.ownEmbeddedServer().with("TEMPORAL_TASK_QUEUE", QUEUE).config(),
            new WorkflowCatalog(List.of(SlowWorkflowImpl.class), List.of(new SlowActivityImpl())));
    runtime.start();
    SlowWorkflow workflow =
        runtime
            .client()
            .newWorkflowStub(
                SlowWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("slow").build());

    assertThat(workflow.run()).isEqualTo("done");

    List<HistoryEvent> events = runtime.client().fetchHistory("slow").getEvents();
    assertThat(events)
        .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .extracting(e -> e.getActivityTaskStartedEventAttributes().getAttempt())
        .containsExactly(1);
    assertThat(events)
        .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
        .hasSize(1);
  }
}
