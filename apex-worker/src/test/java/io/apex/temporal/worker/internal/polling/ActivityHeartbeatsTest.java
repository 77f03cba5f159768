package io.apex.temporal.worker.internal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The worker heartbeats for an activity that has a heartbeat timeout while it runs, so a slow
 * activity keeps its attempt; only a worker that is gone loses it after the heartbeat timeout.
 */
class ActivityHeartbeatsTest {
  private static final String QUEUE = "heartbeats";
  private static final String FLAKY_QUEUE = "heartbeats-flaky";
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

  @Test
  void aHeartbeatThatThrowsOnceIsLoggedAndTheNextBeatsKeepTheAttempt() throws Exception {
    runtime =
        new WorkerRuntime(
            SettingsMap.ownEmbeddedServer().with("TEMPORAL_TASK_QUEUE", QUEUE).config(),
            new WorkflowCatalog(List.of(SlowWorkflowImpl.class), List.of(new SlowActivityImpl())));
    runtime.start();
    AtomicInteger beats = new AtomicInteger();
    ActivityHeartbeats failingOnce =
        new ActivityHeartbeats(
            context -> {
              if (beats.incrementAndGet() == 1) {
                throw new IllegalStateException("connection to the server reset");
              }
              context.heartbeat(null);
            });
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger heartbeatLog = (Logger) LoggerFactory.getLogger(ActivityHeartbeats.class);
    heartbeatLog.addAppender(logged);
    WorkerFactory factory =
        WorkerFactory.newInstance(
            runtime.client(),
            WorkerFactoryOptions.newBuilder().setWorkerInterceptors(failingOnce).build());
    Worker worker = factory.newWorker(FLAKY_QUEUE);
    worker.registerWorkflowImplementationTypes(SlowWorkflowImpl.class);
    worker.registerActivitiesImplementations(new SlowActivityImpl());
    factory.start();
    try {
      SlowWorkflow workflow =
          runtime
              .client()
              .newWorkflowStub(
                  SlowWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(FLAKY_QUEUE)
                      .setWorkflowId("slow-flaky")
                      .build());

      assertThat(workflow.run()).isEqualTo("done");

      assertThat(beats.get()).as("beats after the one that threw").isGreaterThan(2);
      assertThat(
              runtime.client().fetchHistory("slow-flaky").getEvents().stream()
                  .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
                  .map(e -> e.getActivityTaskStartedEventAttributes().getAttempt()))
          .containsExactly(1);
      assertThat(logged.list)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("slow-flaky", "Work");
                assertThat(event.getThrowableProxy().getMessage())
                    .isEqualTo("connection to the server reset");
              });
    } finally {
      heartbeatLog.detachAppender(logged);
      factory.shutdownNow();
      failingOnce.close();
    }
  }
}
