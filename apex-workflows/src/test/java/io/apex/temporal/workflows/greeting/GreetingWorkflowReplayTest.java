package io.apex.temporal.workflows.greeting;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.workflows.internal.greeting.GreetingActivityOptions;
import io.apex.temporal.workflows.internal.greeting.GreetingWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.api.Test;

/**
 * Replays a history recorded from a real run (temporal server start-dev 1.32 with our worker,
 * {@code temporal workflow show -o json}). A change to the workflow that would break running
 * executions fails here, at build time, instead of in production.
 */
class GreetingWorkflowReplayTest {
  private static final String HISTORY = "histories/greeting-completed.json";

  @Test
  void currentWorkflowReplaysTheRecordedHistory() {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    HISTORY, GreetingWorkflowImpl.class))
        .doesNotThrowAnyException();
  }

  @Test
  void aNonDeterministicChangeFailsTheReplay() {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    HISTORY, TimerFirstGreeting.class))
        .hasMessageContaining("NonDeterministicException")
        .hasMessageContaining("does not match command type COMMAND_TYPE_START_TIMER");
  }

  /** The greeting workflow with a timer added before the activity: not replay-compatible. */
  public static class TimerFirstGreeting implements GreetingWorkflow {
    @Override
    public String greet(String name) {
      Workflow.sleep(java.time.Duration.ofSeconds(1));
      return Workflow.newActivityStub(
              GreetingActivities.class, GreetingActivityOptions.activityOptions())
          .greet(name);
    }

    @Override
    public GreetingStatus status() {
      return GreetingStatus.started();
    }
  }
}
