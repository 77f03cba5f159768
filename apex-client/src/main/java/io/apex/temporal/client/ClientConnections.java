package io.apex.temporal.client;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import io.apex.temporal.client.internal.connection.TemporalConnection;
import io.apex.temporal.config.TemporalConfig;
import io.temporal.common.converter.DataConverter;
import java.util.List;

/**
 * Workflow clients for other services, built from the same settings as the worker, that speak what
 * the worker speaks: the strict input converter with the payload codec of the settings after it, so
 * that a client reads the ingestion results that a worker encrypted. The command line's commands
 * and the tests connect through it too.
 */
public final class ClientConnections {
  private ClientConnections() {}

  /** {@link #connect(TemporalConfig, Scope, MissingKeyFile)} without client metrics or key file. */
  public static ConnectedClient connect(TemporalConfig config)
      throws TemporalUnreachableException, BadSettingException {
    return connect(config, new NoopScope(), MissingKeyFile.FAIL);
  }

  /**
   * Connected to the server of the settings (TLS and API key when set, retrying within the connect
   * timeout), or an exception naming the target.
   *
   * @param metricsScope where the SDK's client metrics go
   * @param missing whether a missing payload key file fails (the default) or is created
   */
  public static ConnectedClient connect(
      TemporalConfig config, Scope metricsScope, MissingKeyFile missing)
      throws TemporalUnreachableException, BadSettingException {
    DataConverter converter = WorkflowDataConverter.of(config.payloads(), missing);
    TemporalConnection connection =
        new TemporalConnection(config.connection(), metricsScope, List::of, () -> converter);
    connection.start();
    return new ConnectedClient(connection);
  }
}
