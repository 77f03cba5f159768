package io.apex.temporal.workflows.internal.greeting;

import io.apex.temporal.workflows.greeting.GreetingActivities;
import io.temporal.activity.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Formats the greeting. */
public class GreetingActivitiesImpl implements GreetingActivities {
  private static final Logger log = LoggerFactory.getLogger(GreetingActivitiesImpl.class);

  @Override
  public String greet(String name) {
    var info = Activity.getExecutionContext().getInfo();
    log.debug(
        "greet_activity attempt {} for workflow {} on task queue {}",
        info.getAttempt(),
        info.getWorkflowId(),
        info.getActivityTaskQueue());
    return greeting(name);
  }

  /** The exact greeting of the specification. */
  public static String greeting(String name) {
    return "Hello, " + name + "! Welcome to Apex Memory System with Temporal.io!";
  }
}
