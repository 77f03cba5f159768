package io.apex.temporal.workflows;

import io.temporal.common.converter.DataConverterException;
import io.temporal.worker.WorkflowImplementationOptions;

/**
 * How a worker registers our workflows so that input it cannot read fails the workflow at once
 * instead of failing its workflow task, which Temporal would retry without end.
 */
public final class WorkflowInputs {
  private WorkflowInputs() {}

  public static WorkflowImplementationOptions failOnUnreadableInput() {
    return WorkflowImplementationOptions.newBuilder()
        .setFailWorkflowExceptionTypes(DataConverterException.class)
        .build();
  }
}
