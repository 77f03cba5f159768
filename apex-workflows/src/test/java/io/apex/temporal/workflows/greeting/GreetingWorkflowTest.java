package io.apex.temporal.workflows.greeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.workflows.internal.greeting.GreetingActivitiesImpl;
import io.apex.temporal.workflows.internal.greeting.GreetingWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GreetingWorkflowTest {
  private static final String TASK_QUEUE = "greeting-test";

  private TestWorkflowEnvironment env;
  private Worker worker;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(GreetingWorkflowImpl.class);
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  private GreetingWorkflow newWorkflow(String workflowId) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            GreetingWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowId(workflowId)
                .build());
  }

  private List<HistoryEvent> history(String workflowId) {
    return env.getWorkflowClient().fetchHistory(workflowId).getEvents();
  }

  private long activityAttempts(String workflowId) {
    return history(workflowId).stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .mapToLong(e -> e.getActivityTaskStartedEventAttributes().getAttempt())
        .max()
        .orElse(0);
  }

  @Test
  void greetsTheNameWithTheExactSpecifiedText() {
    worker.registerActivitiesImplementations(new GreetingActivitiesImpl());
    env.start();

    assertThat(newWorkflow("greet-world").greet("World"))
        .isEqualTo("Hello, World! Welcome to Apex Memory System with Temporal.io!");
  }

  @Test
  void greetsAnEmptyName() {
    worker.registerActivitiesImplementations(new GreetingActivitiesImpl());
    env.start();

    assertThat(newWorkflow("greet-empty").greet(""))
        .isEqualTo("Hello, ! Welcome to Apex Memory System with Temporal.io!");
  }

  @Test
  void schedulesGreetActivityWithTheSpecifiedTimeoutAndRetryPolicy() {
    worker.registerActivitiesImplementations(new GreetingActivitiesImpl());
    env.start();
    newWorkflow("greet-options").greet("Options");

    var scheduled =
        history("greet-options").stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .findFirst()
            .orElseThrow()
            .getActivityTaskScheduledEventAttributes();
    assertThat(scheduled.getActivityType().getName()).isEqualTo("greet_activity");
    assertThat(scheduled.getStartToCloseTimeout().getSeconds()).isEqualTo(10);
    assertThat(scheduled.getRetryPolicy().getInitialInterval().getSeconds()).isEqualTo(1);
    assertThat(scheduled.getRetryPolicy().getMaximumInterval().getSeconds()).isEqualTo(10);
    assertThat(scheduled.getRetryPolicy().getMaximumAttempts()).isEqualTo(3);
    assertThat(scheduled.getRetryPolicy().getBackoffCoefficient()).isEqualTo(2.0);
  }

  @Test
  void registersUnderTheWorkflowTypeNameOfThePythonVersion() {
    worker.registerActivitiesImplementations(new GreetingActivitiesImpl());
    env.start();
    WorkflowStub untyped =
        env.getWorkflowClient()
            .newUntypedWorkflowStub(
                "GreetingWorkflow",
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TASK_QUEUE)
                    .setWorkflowId("untyped")
                    .build());
    untyped.start("Python");

    assertThat(untyped.getResult(String.class))
        .isEqualTo("Hello, Python! Welcome to Apex Memory System with Temporal.io!");
  }

  @Test
  void activityThatFailsTwiceThenSucceedsTakesThreeAttempts() {
    AtomicInteger calls = new AtomicInteger();
    worker.registerActivitiesImplementations(
        (GreetingActivities)
            name -> {
              if (calls.incrementAndGet() < 3) {
                throw ApplicationFailure.newFailure(
                    "transient failure " + calls.get(), "Transient");
              }
              return GreetingActivitiesImpl.greeting(name);
            });
    env.start();

    assertThat(newWorkflow("flaky").greet("Retry"))
        .isEqualTo("Hello, Retry! Welcome to Apex Memory System with Temporal.io!");
    assertThat(calls).hasValue(3);
    assertThat(activityAttempts("flaky")).isEqualTo(3);
  }

  @Test
  void activityThatAlwaysFailsFailsTheWorkflowAfterExactlyThreeAttempts() {
    AtomicInteger calls = new AtomicInteger();
    worker.registerActivitiesImplementations(
        (GreetingActivities)
            name -> {
              calls.incrementAndGet();
              throw ApplicationFailure.newFailure("permanent failure", "Broken");
            });
    env.start();

    assertThatThrownBy(() -> newWorkflow("broken").greet("Never"))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("permanent failure");
    assertThat(calls).hasValue(3);
    assertThat(activityAttempts("broken")).isEqualTo(3);
  }

  @Test
  void statusIsStartedBeforeTheWorkflowRuns() {
    assertThat(new GreetingWorkflowImpl().status()).isEqualTo(GreetingStatus.started());
  }

  @Test
  void statusFollowsTheWorkflowThroughTheActivityToTheGreeting() throws InterruptedException {
    CountDownLatch activityStarted = new CountDownLatch(1);
    CountDownLatch releaseActivity = new CountDownLatch(1);
    worker.registerActivitiesImplementations(
        (GreetingActivities)
            name -> {
              activityStarted.countDown();
              awaitQuietly(releaseActivity);
              return GreetingActivitiesImpl.greeting(name);
            });
    env.start();
    GreetingWorkflow workflow = newWorkflow("status");
    WorkflowClient.start(workflow::greet, "Status");

    assertThat(activityStarted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(workflow.status()).isEqualTo(GreetingStatus.runningActivity());

    releaseActivity.countDown();
    String greeting = WorkflowStub.fromTyped(workflow).getResult(String.class);
    assertThat(workflow.status()).isEqualTo(GreetingStatus.completed(greeting));
    assertThat(workflow.status().greeting())
        .isEqualTo("Hello, Status! Welcome to Apex Memory System with Temporal.io!");
  }

  @Test
  void statusSaysFailedWhenTheActivityGivesUp() {
    worker.registerActivitiesImplementations(
        (GreetingActivities)
            name -> {
              throw ApplicationFailure.newNonRetryableFailure("no", "Broken");
            });
    env.start();
    GreetingWorkflow workflow = newWorkflow("failed-status");

    assertThatThrownBy(() -> workflow.greet("x")).isInstanceOf(WorkflowFailedException.class);
    assertThat(workflow.status()).isEqualTo(GreetingStatus.failed());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
