package io.apex.temporal.worker.client;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.internal.codec.PayloadCodecPart;
import io.apex.temporal.worker.internal.codec.PayloadEncryptionFactory;
import io.apex.temporal.worker.internal.connection.TemporalConnection;
import io.apex.temporal.worker.runtime.BadSettingException;
import java.util.List;

/**
 * Workflow clients for other services, built from the same settings as the worker, that speak what
 * the worker speaks: the strict input converter with the payload codec of the settings after it, so
 * that a client reads the ingestion results that a worker encrypted. The command line's commands
 * and the tests connect through it too.
 */
public final class ClientConnections {
  private ClientConnections() {}

  /** {@link #connect(TemporalConfig, Scope)} without client metrics. */
  public static ConnectedClient connect(TemporalConfig config)
      throws TemporalUnreachableException, BadSettingException {
    return connect(config, new NoopScope());
  }

  /**
   * Connected to the server of the settings (TLS and API key when set, retrying within the connect
   * timeout), or an exception naming the target.
   *
   * @param metricsScope where the SDK's client metrics go
   */
  public static ConnectedClient connect(TemporalConfig config, Scope metricsScope)
      throws TemporalUnreachableException, BadSettingException {
    PayloadCodecPart codec = new PayloadCodecPart(config.payloads());
    codec.start();
    TemporalConnection connection =
        new TemporalConnection(
            config.connection(),
            metricsScope,
            List::of,
            () -> PayloadEncryptionFactory.strictDataConverter(codec.codec()));
    connection.start();
    return new ConnectedClient(connection);
  }
}
