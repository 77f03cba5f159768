package io.apex.temporal.worker.client;

import com.uber.m3.tally.Scope;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.internal.codec.PayloadCodecPart;
import io.apex.temporal.worker.internal.codec.PayloadEncryptionFactory;
import io.apex.temporal.worker.internal.connection.TemporalConnection;
import io.apex.temporal.worker.runtime.BadSettingException;
import io.apex.temporal.workflows.internal.input.StrictInputDataConverter;
import java.util.List;

/**
 * A client connection that speaks what the worker speaks: the strict input converter with the
 * payload codec of the settings after it, so that a client reads the ingestion results that a
 * worker encrypted. The command line's commands and the tests connect through it.
 */
public final class ClientConnections {
  private ClientConnections() {}

  /** Started: connected to the server of the settings, or an exception naming the target. */
  public static TemporalConnection connect(TemporalConfig config, Scope metricsScope)
      throws TemporalUnreachableException, BadSettingException {
    PayloadCodecPart codec = new PayloadCodecPart(config.payloads());
    codec.start();
    TemporalConnection connection =
        new TemporalConnection(
            config.connection(),
            metricsScope,
            List::of,
            () ->
                PayloadEncryptionFactory.dataConverter(
                    StrictInputDataConverter.standard(), codec.codec()));
    connection.start();
    return connection;
  }
}
