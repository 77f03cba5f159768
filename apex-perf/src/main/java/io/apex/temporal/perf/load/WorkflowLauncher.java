package io.apex.temporal.perf.load;

import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.apex.temporal.workflows.internal.greeting.GreetingActivitiesImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts one hello-world workflow and follows it to its result without holding a thread: the start
 * call (a blocking RPC in the SDK) runs on a small starter pool, and the result arrives through the
 * SDK's asynchronous long poll. Each result is checked against the specified greeting, so a wrong
 * answer counts as a failure, not as a fast workflow.
 */
public final class WorkflowLauncher {
  private final WorkflowClient client;
  private final String taskQueue;
  private final String idPrefix;
  private final Executor starters;
  private final Duration timeout;
  private final boolean eagerStart;
  private final AtomicLong sequence = new AtomicLong();

  /**
   * @param idPrefix unique per run, so that workflow IDs never collide with an earlier run's on a
   *     long-lived server
   * @param timeout how long one workflow may take before it counts as failed; also its run timeout
   *     on the server, so that an abandoned run does not linger there
   */
  public WorkflowLauncher(
      WorkflowClient client,
      String taskQueue,
      String idPrefix,
      Executor starters,
      Duration timeout) {
    this(client, taskQueue, idPrefix, starters, timeout, false);
  }

  /**
   * @param eagerStart ask for eager workflow start (the first workflow task comes back with the
   *     start call's response); it takes effect only when {@code client} is the worker's own
   */
  public WorkflowLauncher(
      WorkflowClient client,
      String taskQueue,
      String idPrefix,
      Executor starters,
      Duration timeout,
      boolean eagerStart) {
    this.eagerStart = eagerStart;
    this.client = client;
    this.taskQueue = taskQueue;
    this.idPrefix = idPrefix;
    this.starters = starters;
    this.timeout = timeout;
  }

  /** Starts a workflow now on the starter pool; its latency counts from {@code intendedNanos}. */
  public CompletableFuture<Completion> launch(long intendedNanos) {
    long number = sequence.incrementAndGet();
    String workflowId = idPrefix + number;
    String name = "perf-" + number;
    String expected = GreetingActivitiesImpl.greeting(name);
    CompletableFuture<Started> started =
        CompletableFuture.supplyAsync(() -> start(workflowId, name), starters);
    return started.thenCompose(
        run ->
            run.stub()
                .getResultAsync(timeout.toMillis(), TimeUnit.MILLISECONDS, String.class)
                .thenApply(
                    result -> {
                      long completed = System.nanoTime();
                      if (!expected.equals(result)) {
                        throw new WrongResultException(workflowId, expected, result);
                      }
                      return new Completion(
                          workflowId, intendedNanos, run.startedNanos(), completed);
                    }));
  }

  /** How many workflows this launcher has started or tried to start. */
  public long launched() {
    return sequence.get();
  }

  private Started start(String workflowId, String name) {
    GreetingWorkflow workflow =
        client.newWorkflowStub(
            GreetingWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(workflowId)
                .setWorkflowRunTimeout(timeout)
                .setDisableEagerExecution(!eagerStart)
                .build());
    WorkflowClient.start(workflow::greet, name);
    return new Started(WorkflowStub.fromTyped(workflow), System.nanoTime());
  }

  private record Started(WorkflowStub stub, long startedNanos) {}
}
