package io.apex.temporal.worker.runtime;

import io.apex.temporal.client.internal.codec.PayloadEncryptionFactory;
import io.apex.temporal.client.internal.connection.TemporalConnection;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.worker.internal.codec.PayloadCodecPart;
import io.apex.temporal.worker.internal.codecserver.CodecServerHandler;
import io.apex.temporal.worker.internal.connection.ConnectionPart;
import io.apex.temporal.worker.internal.ingestion.SearchAttributeRegistration;
import io.apex.temporal.worker.internal.metrics.MetricsEndpoint;
import io.apex.temporal.worker.internal.polling.PollingWorker;
import io.apex.temporal.worker.internal.runtime.ManagedParts;
import io.apex.temporal.worker.internal.runtime.ShutdownSignals;
import io.apex.temporal.worker.internal.server.EmbeddedServerDecision;
import io.apex.temporal.worker.internal.server.EmbeddedTemporalServer;
import io.apex.temporal.worker.internal.server.PortProbe;
import io.apex.temporal.worker.internal.tracing.WorkerTracing;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker process: metrics, the HTTP probes, tracing, the embedded server when chosen, the
 * connection and the polling worker, started in that order and stopped in reverse. It owns its
 * lifecycle: {@link #runUntilSignalled()} for a process's main thread (SIGINT or SIGTERM drains),
 * or {@link #start()} and {@link #drain()} (or {@link #close()}) for a service or test that embeds
 * it; as a {@link Managed} part it can run inside a larger list of parts. The command line, the
 * integration tests and the benchmarks all run this same runtime.
 */
public final class WorkerRuntime implements Managed, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);
  private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

  private final TemporalConfig config;
  private final WorkerMetrics metrics;
  private final PayloadCodecPart codec;
  private final MetricsEndpoint endpoint;
  private final WorkerTracing tracing;
  private final TemporalConnection connection;
  private final PollingWorker worker;
  private final List<Managed> beforePolling;
  private ManagedParts parts;

  public WorkerRuntime(TemporalConfig config, WorkflowCatalog catalog) {
    this(config, catalog, List.of());
  }

  /**
   * @param beforePolling parts the catalog's activities need (ingestion's store and model), started
   *     after the connection and before polling, stopped after the drain
   */
  public WorkerRuntime(
      TemporalConfig config, WorkflowCatalog catalog, List<Managed> beforePolling) {
    this(config, catalog, beforePolling, new WorkerMetrics());
  }

  /**
   * @param metrics the registry that the parts in {@code beforePolling} already record into (the
   *     ingestion activities' meters), served at {@code /metrics}
   */
  public WorkerRuntime(
      TemporalConfig config,
      WorkflowCatalog catalog,
      List<Managed> beforePolling,
      WorkerMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    this.codec = new PayloadCodecPart(config.payloads());
    this.beforePolling = List.copyOf(beforePolling);
    this.endpoint =
        new MetricsEndpoint(
            config.runtime().metricsBindAddress(),
            config.runtime().metricsPort(),
            metrics::scrape,
            this::readiness,
            config.codecEndpoint().enabled()
                ? Optional.of(
                    new CodecServerHandler(
                        codec::codec, config.codecEndpoint(), config.connection().namespace()))
                : Optional.empty());
    this.tracing = new WorkerTracing(config.tracing(), config.versioning().deploymentName());
    this.connection =
        new TemporalConnection(
            config.connection(),
            metrics.scope(),
            tracing::clientInterceptors,
            () -> PayloadEncryptionFactory.strictDataConverter(codec.codec()));
    this.worker = new PollingWorker(config, connection, catalog, tracing::workerInterceptors);
    metrics.trackReadiness(() -> readiness().ready());
  }

  /** Starts every part; on failure, stops what had started and rethrows. */
  @Override
  public synchronized void start() throws Exception {
    log.info(
        "starting worker: target {}, namespace {}, task queue {}",
        config.connection().target(),
        config.connection().namespace(),
        config.runtime().taskQueue());
    List<Managed> list = new ArrayList<>(List.of(codec, metrics, endpoint, tracing));
    EmbeddedServerDecision decision =
        EmbeddedServerDecision.decide(
            config.runtime().embeddedServer(),
            config.connection(),
            config.runtime().serverAddressConfigured(),
            new PortProbe(PROBE_TIMEOUT));
    if (decision.startEmbedded()) {
      list.add(
          new EmbeddedTemporalServer(
              config.connection().port(),
              decision.reason(),
              config.runtime().embeddedServer()
                  == io.apex.temporal.config.EmbeddedServerMode.AUTO));
    } else {
      log.info(
          "not starting the embedded server: using the Temporal server at {} ({})",
          config.connection().target(),
          decision.reason());
    }
    list.add(new ConnectionPart(connection));
    list.add(new SearchAttributeRegistration(connection, config.connection().namespace()));
    list.addAll(beforePolling);
    list.add(worker);
    parts = new ManagedParts(list);
    parts.start();
    log.info("worker ready: metrics at http://localhost:{}/metrics", endpoint.port());
  }

  /**
   * Runs the worker for this process until SIGINT or SIGTERM, then drains and stops every part. A
   * signal during start-up stops it there; a second signal stops the process at once; an exit that
   * is neither (System.exit elsewhere) still stops the parts. Call from the main thread.
   *
   * @return how the drain went (clean when a signal stopped the start-up)
   * @throws Exception the start-up failure, after what had started was stopped
   */
  public DrainOutcome runUntilSignalled() throws Exception {
    ShutdownSignals signals = ShutdownSignals.install();
    // Covers exits that are not SIGINT or SIGTERM; a second stop does nothing.
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "worker-shutdown-hook"));
    try {
      start();
    } catch (Exception e) {
      stop();
      if (signals.stopRequested()) {
        log.info("stop requested during start-up; worker stopped");
        return DrainOutcome.nothingToDrain();
      }
      throw e;
    }
    signals.started();
    log.info("{} received: stopping worker", signals.await());
    DrainOutcome outcome = drain();
    log.info(
        "worker stopped: {}",
        !outcome.clean()
            ? "drain timed out or failed"
            : outcome.pollsCutOff()
                ? "every task it had taken finished; polls in flight were cut off"
                    + " (a task handed over at that moment is retried by the server after its timeout)"
                : "clean drain");
    return outcome;
  }

  /**
   * Drains in-flight work within the drain timeout, then stops every part. Safe to call more than
   * once.
   */
  public synchronized DrainOutcome drain() {
    if (parts != null) {
      parts.close();
    }
    return worker.drainOutcome().orElse(DrainOutcome.nothingToDrain());
  }

  @Override
  public String name() {
    return "worker runtime";
  }

  /** As {@link #drain()}, for a caller that needs no report of the drain. */
  @Override
  public void stop() {
    drain();
  }

  /**
   * Stops without draining: in-flight tasks are interrupted and never reported, as in a crash.
   * Temporal retries them on another worker after their timeouts.
   */
  public synchronized void stopNow() {
    // The connection goes first: an interrupted activity's failure report must not reach the
    // server, or the server would retry at once instead of after the attempt's timeout.
    connection.cut();
    worker.stopNow();
    stop();
  }

  @Override
  public void close() {
    stop();
  }

  public WorkflowClient client() {
    return connection.client();
  }

  public int metricsPort() {
    return endpoint.port();
  }

  public int inFlightActivities() {
    return worker.inFlightActivities();
  }

  public Readiness.State readiness() {
    if (!worker.polling()) {
      return new Readiness.State(false, "not ready: not polling " + config.runtime().taskQueue());
    }
    if (!connection.healthy()) {
      return new Readiness.State(
          false, "not ready: connection to " + config.connection().target() + " is down");
    }
    return new Readiness.State(true, "ready: polling " + config.runtime().taskQueue());
  }
}
