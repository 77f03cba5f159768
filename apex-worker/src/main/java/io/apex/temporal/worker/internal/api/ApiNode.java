package io.apex.temporal.worker.internal.api;

import io.apex.temporal.client.ClientConnections;
import io.apex.temporal.client.ConnectedClient;
import io.apex.temporal.client.MissingKeyFile;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.ingestion.IngestionMetrics;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.worker.internal.ingestion.IngestionPart;
import io.apex.temporal.worker.internal.metrics.MetricsEndpoint;
import io.apex.temporal.worker.internal.runtime.ManagedParts;
import io.apex.temporal.worker.runtime.Managed;
import io.apex.temporal.worker.runtime.Readiness;
import io.apex.temporal.worker.runtime.WorkerMetrics;
import java.util.List;

/**
 * A process that serves only the memory service API, for API nodes apart from the workers: the
 * metrics endpoint (with {@code /readyz} ready once the API listens), a client of the configured
 * Temporal server (never an embedded one), the store and search, and the API.
 */
public final class ApiNode implements Managed {
  private final TemporalConfig config;
  private final WorkerMetrics metrics = new WorkerMetrics();
  private final IngestionPart store;
  private final ApiPart api;
  private final MetricsEndpoint endpoint;
  private ConnectedClient client;
  private volatile boolean serving;
  private ManagedParts parts;

  public ApiNode(TemporalConfig config) {
    this.config = config;
    this.store = new IngestionPart(IngestionSettings.of(config), IngestionMetrics.NONE);
    this.api =
        new ApiPart(
            config.api(),
            store::components,
            () -> client.workflowClient(),
            config.runtime().taskQueue(),
            metrics.registry());
    this.endpoint =
        new MetricsEndpoint(
            config.runtime().metricsBindAddress(),
            config.runtime().metricsPort(),
            metrics::scrape,
            () ->
                serving
                    ? new Readiness.State(true, "ready: serving the API on port " + api.port())
                    : new Readiness.State(false, "not ready: the API is not serving"));
  }

  @Override
  public String name() {
    return "API node";
  }

  @Override
  public synchronized void start() throws Exception {
    Managed connection =
        new Managed() {
          @Override
          public String name() {
            return "Temporal client";
          }

          @Override
          public void start() throws Exception {
            client = ClientConnections.connect(config, metrics.scope(), MissingKeyFile.FAIL);
          }

          @Override
          public void stop() {
            client.close();
          }
        };
    parts = new ManagedParts(List.of(metrics, endpoint, connection, store, api));
    parts.start();
    serving = true;
  }

  @Override
  public synchronized void stop() {
    serving = false;
    if (parts != null) {
      parts.close();
    }
  }
}
