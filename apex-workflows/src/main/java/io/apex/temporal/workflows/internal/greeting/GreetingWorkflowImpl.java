package io.apex.temporal.workflows.internal.greeting;

import io.apex.temporal.workflows.greeting.GreetingActivities;
import io.apex.temporal.workflows.greeting.GreetingStatus;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.apex.temporal.workflows.internal.input.StrictInputDataConverter;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;

/** Runs {@code greet_activity} once (with retries) and returns its greeting. */
public class GreetingWorkflowImpl implements GreetingWorkflow {
  private GreetingStatus status = GreetingStatus.started();

  @Override
  public String greet(String name) {
    if (name == null) {
      // The specification allows an empty name; a missing one or JSON null is not a string.
      status = GreetingStatus.failed();
      throw ApplicationFailure.newNonRetryableFailure(
          "GreetingWorkflow needs one argument of type java.lang.String (a JSON string; an empty"
              + " one is allowed), got null or no argument",
          StrictInputDataConverter.INVALID_INPUT);
    }
    // Created here rather than in a field so that the initial status can be read without a
    // workflow context.
    GreetingActivities activities =
        Workflow.newActivityStub(
            GreetingActivities.class, GreetingActivityOptions.activityOptions());
    status = GreetingStatus.runningActivity();
    try {
      String greeting = activities.greet(name);
      status = GreetingStatus.completed(greeting);
      return greeting;
    } catch (ActivityFailure failure) {
      status = GreetingStatus.failed();
      throw failure;
    }
  }

  @Override
  public GreetingStatus status() {
    return status;
  }
}
