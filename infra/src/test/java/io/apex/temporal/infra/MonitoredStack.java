package io.apex.temporal.infra;

import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.HeldActivity;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.testkit.TemporalDevServer;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.greeting.GreetingActivities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the compose stack runs, started on this machine on free ports: a real Temporal server
 * ({@code temporal server start-dev}), the real worker runtime against it, and Prometheus with our
 * scrape configuration pointed at both. Closed in reverse order of start.
 */
public final class MonitoredStack implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MonitoredStack.class);

  /** Short, so a test sees several scrapes within seconds; the real file keeps 15 s. */
  private static final String TEST_SCRAPE_INTERVAL = "1s";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final String taskQueue;

  /** {@code hold-*} calls wait until released, so their workflows can close while they run. */
  private final HeldActivity held =
      HeldActivity.holding(name -> name.startsWith("hold-"), Duration.ofSeconds(30));

  private Path work;
  private TemporalDevServer server;
  private IngestionTraffic ingestion;
  private ApiTraffic api;
  private WorkerRuntime worker;
  private PrometheusServer prometheus;

  private MonitoredStack(String taskQueue) {
    this.taskQueue = taskQueue;
  }

  public static MonitoredStack start(InfraFiles files, String taskQueue) throws Exception {
    MonitoredStack stack = new MonitoredStack(taskQueue);
    try {
      stack.startParts(files);
      return stack;
    } catch (Exception | AssertionError e) {
      stack.close();
      throw e;
    }
  }

  private void startParts(InfraFiles files) throws Exception {
    server = TemporalDevServer.start();
    started.push(
        () -> {
          server.close();
          // The test kit keeps the server's output in a temporary file; nothing reads it after
          // this.
          Files.deleteIfExists(server.output().file());
        });

    work = Files.createTempDirectory("apex-monitored-stack");
    started.push(() -> deleteTree(work));
    TemporalConfig workerConfig = workerConfig();
    // The real ingestion (embedded PostgreSQL, the model, Tika) beside the held greetings,
    // put together as the worker command does it.
    worker =
        WorkerRuntime.builder(workerConfig)
            .withIngestion()
            .withApi()
            .withGreetingActivities(greetings())
            .build();
    started.push(
        () -> {
          held.release();
          worker.stop();
        });
    worker.start();
    ingestion =
        new IngestionTraffic(
            new IngestionClient(worker.client(), taskQueue), work.resolve("documents"));
    api = new ApiTraffic(worker.apiPort().orElseThrow());

    PrometheusConfig config =
        PrometheusConfig.read(files.prometheusConfig())
            .forTest(
                Map.of(
                    "temporal-server",
                    "127.0.0.1:" + server.metricsPort(),
                    "apex-worker",
                    workerTarget()),
                TEST_SCRAPE_INTERVAL,
                files.rulesDirectory());
    prometheus = PrometheusServer.start(config);
    started.push(prometheus);
    log.info(
        "stack: Temporal {} (metrics :{}), worker metrics :{}, Prometheus :{}",
        server.target(),
        server.metricsPort(),
        worker.metricsPort(),
        prometheus.port());
  }

  /**
   * The greeting activity with behaviour chosen by the name, so one worker produces every outcome a
   * dashboard shows: {@code fail-*} throws (retried, then the workflow fails), {@code hold-*} is
   * held, any other name greets.
   */
  private GreetingActivities greetings() {
    return name -> {
      if (name.startsWith("fail-")) {
        throw new IllegalStateException("no greeting for " + name);
      }
      return held.greet(name);
    };
  }

  private TemporalConfig workerConfig() {
    return SettingsMap.forServer(server.host(), server.port())
        .with("TEMPORAL_TASK_QUEUE", taskQueue)
        .with("APEX_DATA_DIR", work.resolve("data").toString())
        .with("APEX_STORE_PORT", String.valueOf(FreePorts.next()))
        // The traffic's documents are written under the work directory.
        .with("APEX_INGEST_ROOTS", work.toString())
        .with("APEX_PAYLOAD_KEY_FILE", work.resolve("payload-key").toString())
        .config();
  }

  public String workerTarget() {
    return "127.0.0.1:" + worker.metricsPort();
  }

  public WorkflowTraffic traffic() {
    return new WorkflowTraffic(worker.client(), taskQueue, held);
  }

  /** Real documents through the worker's real ingestion; the same totals across calls. */
  public ApiTraffic api() {
    return api;
  }

  public IngestionTraffic ingestion() {
    return ingestion;
  }

  public PrometheusApi prometheus() {
    return prometheus.api();
  }

  public String prometheusLog() {
    return prometheus.logTail();
  }

  public String taskQueue() {
    return taskQueue;
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /**
   * Stops every started part, newest first. A part that fails to stop does not keep the others
   * running: the first failure is rethrown once all were tried.
   */
  @Override
  public void close() {
    Throwable first = null;
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception | Error e) { // an Error too: a leaked server would outlive the JVM
        log.warn("stopping a part of the stack failed: {}", e.toString());
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (first instanceof Error error) {
      throw error;
    }
    if (first != null) {
      throw new IllegalStateException("could not stop the stack", first);
    }
  }
}
