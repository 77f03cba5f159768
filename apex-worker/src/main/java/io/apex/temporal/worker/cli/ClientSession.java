package io.apex.temporal.worker.cli;

import com.uber.m3.tally.NoopScope;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.connection.TemporalConnection;
import io.apex.temporal.worker.connection.TemporalUnreachableException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.UUID;

/** A short-lived client connection for the example commands; it never starts a server. */
final class ClientSession implements AutoCloseable {
  private final TemporalConfig config;
  private final TemporalConnection connection;

  ClientSession(TemporalConfig config) throws TemporalUnreachableException {
    this.config = config;
    this.connection = new TemporalConnection(config.connection(), new NoopScope());
    connection.start();
  }

  WorkflowClient client() {
    return connection.client();
  }

  /** Options for a new workflow on the configured task queue, with a readable unique ID. */
  WorkflowOptions newWorkflowOptions(String idPrefix) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(config.runtime().taskQueue())
        .setWorkflowId(idPrefix + "-" + UUID.randomUUID())
        .build();
  }

  @Override
  public void close() {
    connection.stop();
  }
}
