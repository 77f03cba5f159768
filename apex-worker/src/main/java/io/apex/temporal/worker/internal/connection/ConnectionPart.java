package io.apex.temporal.worker.internal.connection;

import io.apex.temporal.client.internal.connection.TemporalConnection;
import io.apex.temporal.worker.runtime.Managed;

/** The client module's connection as one of the worker's managed parts. */
public record ConnectionPart(TemporalConnection connection) implements Managed {
  @Override
  public String name() {
    return connection.name();
  }

  @Override
  public void start() throws Exception {
    connection.start();
  }

  @Override
  public void stop() {
    connection.stop();
  }
}
