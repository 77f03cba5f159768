package io.apex.temporal.worker.internal.cli;

import com.uber.m3.tally.NoopScope;
import io.apex.temporal.client.BadSettingException;
import io.apex.temporal.client.ClientConnections;
import io.apex.temporal.client.ConnectedClient;
import io.apex.temporal.client.MissingKeyFile;
import io.apex.temporal.client.TemporalUnreachableException;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A short-lived client connection for the example commands; it never starts a server. */
final class ClientSession implements AutoCloseable {
  private final TemporalConfig config;
  private final ConnectedClient connection;

  /** A greeting workflow that has been started, and its execution's IDs. */
  record StartedGreeting(GreetingWorkflow workflow, WorkflowExecution execution) {}

  ClientSession(TemporalConfig config) throws TemporalUnreachableException, BadSettingException {
    this.config = config;
    // The command line runs on the worker's machine: like the worker, it may create the key file.
    this.connection = ClientConnections.connect(config, new NoopScope(), MissingKeyFile.CREATE);
  }

  /** The version the server reported; empty for the embedded Java test server. */
  String serverVersion() {
    return connection.serverVersion();
  }

  WorkflowClient client() {
    return connection.workflowClient();
  }

  /** Starts GreetingWorkflow on the configured task queue with a readable unique ID. */
  StartedGreeting startGreeting(String idPrefix, String name) {
    GreetingWorkflow workflow =
        client()
            .newWorkflowStub(
                GreetingWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(config.runtime().taskQueue())
                    .setWorkflowId(idPrefix + "-" + UUID.randomUUID())
                    .build());
    return new StartedGreeting(workflow, WorkflowClient.start(workflow::greet, name));
  }

  /** The greeting, or empty when no worker finished the workflow in time. */
  Optional<String> awaitGreeting(StartedGreeting started, int timeoutSeconds) {
    try {
      return Optional.of(
          WorkflowStub.fromTyped(started.workflow())
              .getResult(timeoutSeconds, TimeUnit.SECONDS, String.class));
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }

  String noWorkerMessage(int timeoutSeconds) {
    return "no worker finished the workflow within "
        + timeoutSeconds
        + " s: is a worker polling"
        + " task queue "
        + config.runtime().taskQueue()
        + " at "
        + config.connection().target()
        + "?";
  }

  @Override
  public void close() {
    connection.close();
  }
}
