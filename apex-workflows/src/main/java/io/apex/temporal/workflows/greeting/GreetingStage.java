package io.apex.temporal.workflows.greeting;

/**
 * The steps of a greeting workflow, in order; {@code FAILED} ends it when the activity gives up.
 */
public enum GreetingStage {
  STARTED,
  RUNNING_ACTIVITY,
  COMPLETED,
  FAILED
}
