package io.apex.temporal.perf.target;

import io.apex.temporal.worker.internal.runtime.ManagedParts;
import io.temporal.client.WorkflowClient;

/** A started target: the load generator's client, the task queue, and the parts to stop after. */
public record RunningTarget(
    TargetDescription description, WorkflowClient client, ManagedParts parts)
    implements AutoCloseable {

  @Override
  public void close() {
    parts.close();
  }
}
