package io.apex.temporal.workflows.greeting;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The greeting activity. Its type name matches the Python version's function name. */
@ActivityInterface
public interface GreetingActivities {
  /** The activity type name, shared with the Python version. */
  String TYPE = "greet_activity";

  @ActivityMethod(name = TYPE)
  String greet(String name);
}
