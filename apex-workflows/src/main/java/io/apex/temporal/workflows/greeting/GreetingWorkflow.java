package io.apex.temporal.workflows.greeting;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The hello-world workflow: greets a name through {@link GreetingActivities}. Its type name and
 * JSON payloads match the Python version, so workers of either language can serve one task queue.
 */
@WorkflowInterface
public interface GreetingWorkflow {
  /** The workflow type name, shared with the Python version. */
  String TYPE = "GreetingWorkflow";

  /** The status query's name. */
  String STATUS_QUERY = "get_status";

  /**
   * Returns exactly {@code Hello, {name}! Welcome to Apex Memory System with Temporal.io!}. An
   * empty name is allowed.
   */
  @WorkflowMethod(name = TYPE)
  String greet(String name);

  /** Where the workflow is, and the greeting once known. */
  @QueryMethod(name = STATUS_QUERY)
  GreetingStatus status();
}
