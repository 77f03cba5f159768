package io.apex.temporal.client;

import io.apex.temporal.client.internal.connection.TemporalConnection;
import io.temporal.client.WorkflowClient;

/** A workflow client connected to the server of the settings; closing it closes the channel. */
public final class ConnectedClient implements AutoCloseable {
  private final TemporalConnection connection;

  ConnectedClient(TemporalConnection connection) {
    this.connection = connection;
  }

  /** The client, with the worker's data converter and payload codec. */
  public WorkflowClient workflowClient() {
    return connection.client();
  }

  /** The version the server reported; empty for the embedded Java test server. */
  public String serverVersion() {
    return connection.serverVersion();
  }

  @Override
  public void close() {
    connection.stop();
  }
}
