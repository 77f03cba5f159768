package io.apex.temporal.worker.runtime;

import io.apex.temporal.client.internal.codec.PayloadEncryptionFactory;
import io.apex.temporal.client.internal.connection.TemporalConnection;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.ingestion.DocumentSearch;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.worker.internal.api.ApiPart;
import io.apex.temporal.worker.internal.codec.PayloadCodecPart;
import io.apex.temporal.worker.internal.codecserver.CodecServerHandler;
import io.apex.temporal.worker.internal.connection.ConnectionPart;
import io.apex.temporal.worker.internal.ingestion.IngestionPart;
import io.apex.temporal.worker.internal.ingestion.SearchAttributeRegistration;
import io.apex.temporal.worker.internal.metrics.MetricsEndpoint;
import io.apex.temporal.worker.internal.metrics.MicrometerIngestionMetrics;
import io.apex.temporal.worker.internal.metrics.SearchIndexGauges;
import io.apex.temporal.worker.internal.polling.PollingWorker;
import io.apex.temporal.worker.internal.runtime.ManagedParts;
import io.apex.temporal.worker.internal.runtime.ShutdownSignals;
import io.apex.temporal.worker.internal.server.EmbeddedServerDecision;
import io.apex.temporal.worker.internal.server.EmbeddedTemporalServer;
import io.apex.temporal.worker.internal.server.PortProbe;
import io.apex.temporal.worker.internal.tracing.WorkerTracing;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingActivities;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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

  /**
   * The server this worker started in its own process, if it did; its worker reaches it directly.
   */
  private EmbeddedTemporalServer embedded;

  private final PollingWorker worker;
  private final List<Managed> beforePolling;
  private final Optional<IngestionPart> ingestion;
  private final Optional<ApiPart> api;
  private ManagedParts parts;

  /** The one way the worker is put together from its settings; see {@link Builder}. */
  public static Builder builder(TemporalConfig config) {
    return new Builder(config);
  }

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
    this(config, () -> catalog, beforePolling, metrics, Optional.empty(), Optional.empty());
  }

  /**
   * @param catalog asked for when polling starts, after {@code beforePolling} has started
   */
  private WorkerRuntime(
      TemporalConfig config,
      Supplier<WorkflowCatalog> catalog,
      List<Managed> beforePolling,
      WorkerMetrics metrics,
      Optional<IngestionPart> ingestion,
      Optional<ApiPart> api) {
    this.config = config;
    this.ingestion = ingestion;
    this.api = api;
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
            () -> PayloadEncryptionFactory.strictDataConverter(codec.codec()),
            () -> embedded == null ? Optional.empty() : embedded.inProcessChannel());
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
      embedded =
          new EmbeddedTemporalServer(
              config.connection().port(),
              decision.reason(),
              config.runtime().embeddedServer() == io.apex.temporal.config.EmbeddedServerMode.AUTO);
      list.add(embedded);
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

  /** Search over the documents ingested, once started with {@link Builder#withIngestion()}. */
  public Optional<DocumentSearch> documentSearch() {
    return ingestion.map(IngestionPart::search);
  }

  public int metricsPort() {
    return endpoint.port();
  }

  /** The memory service API's port, once started with {@link Builder#withApi()}. */
  public Optional<Integer> apiPort() {
    return api.map(ApiPart::port);
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

  /**
   * Puts a worker together from its settings, as the {@code worker} command runs it: the standard
   * workflows, and with {@link #withIngestion()} document ingestion on the components of the
   * settings (started after the connection, before polling, their activities recording into the
   * worker's {@code /metrics}).
   */
  public static final class Builder {
    private final TemporalConfig config;
    private IngestionSettings ingestion;
    private GreetingActivities greetings;
    private boolean api;

    private Builder(TemporalConfig config) {
      this.config = config;
    }

    /** Document ingestion on the store and tuning of the settings. */
    public Builder withIngestion() {
      return withIngestion(IngestionSettings.of(config));
    }

    /** Document ingestion on these settings (a test's or benchmark's own store). */
    public Builder withIngestion(IngestionSettings settings) {
      this.ingestion = settings;
      return this;
    }

    /**
     * The memory service API of the settings ({@code APEX_API_*}) over the ingested documents,
     * unless {@code APEX_API_ENABLED} is false; needs {@link #withIngestion()}.
     */
    public Builder withApi() {
      this.api = true;
      return this;
    }

    /** Other greeting activities than the standard ones, as a test needs. */
    public Builder withGreetingActivities(GreetingActivities activities) {
      this.greetings = activities;
      return this;
    }

    public WorkerRuntime build() {
      WorkerMetrics metrics = new WorkerMetrics();
      Optional<IngestionPart> part =
          Optional.ofNullable(ingestion)
              .map(
                  settings ->
                      new IngestionPart(
                          settings, new MicrometerIngestionMetrics(metrics.registry())));
      part.ifPresent(p -> SearchIndexGauges.register(metrics.registry(), p));
      if (api && part.isEmpty()) {
        throw new IllegalStateException("the API serves the ingested documents: add ingestion");
      }
      List<Managed> beforePolling = new ArrayList<>();
      part.ifPresent(beforePolling::add);
      // The API starts after the connection (as every part before polling), so the client exists.
      AtomicReference<WorkerRuntime> built = new AtomicReference<>();
      Optional<ApiPart> apiPart =
          part.filter(p -> api && config.api().enabled())
              .map(
                  p ->
                      new ApiPart(
                          config.api(),
                          p::components,
                          () -> built.get().client(),
                          config.runtime().taskQueue(),
                          metrics.registry()));
      apiPart.ifPresent(beforePolling::add);
      built.set(
          new WorkerRuntime(config, () -> catalog(part), beforePolling, metrics, part, apiPart));
      return built.get();
    }

    /** Built when polling starts: the ingestion activities exist once their components run. */
    private WorkflowCatalog catalog(Optional<IngestionPart> part) {
      WorkflowCatalog catalog =
          part.map(p -> WorkflowCatalog.withIngestion(p.activities()))
              .orElseGet(WorkflowCatalog::standard);
      if (greetings == null) {
        return catalog;
      }
      List<Object> activities = new ArrayList<>(List.of(greetings));
      catalog.activities().stream()
          .filter(activity -> !(activity instanceof GreetingActivities))
          .forEach(activities::add);
      return catalog.withActivities(activities.toArray());
    }
  }
}
