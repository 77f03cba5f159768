package io.apex.temporal.workflows.greeting;

/**
 * The answer of the status query. On the wire it is JSON such as {@code {"stage":"COMPLETED",
 * "greeting":"Hello, World! ..."}}; {@code greeting} is null until the activity has returned.
 */
public record GreetingStatus(GreetingStage stage, String greeting) {

  public static GreetingStatus started() {
    return new GreetingStatus(GreetingStage.STARTED, null);
  }

  public static GreetingStatus runningActivity() {
    return new GreetingStatus(GreetingStage.RUNNING_ACTIVITY, null);
  }

  public static GreetingStatus completed(String greeting) {
    return new GreetingStatus(GreetingStage.COMPLETED, greeting);
  }

  public static GreetingStatus failed() {
    return new GreetingStatus(GreetingStage.FAILED, null);
  }
}
