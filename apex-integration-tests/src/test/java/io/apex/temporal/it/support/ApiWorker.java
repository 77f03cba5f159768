package io.apex.temporal.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.testkit.TemporalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The worker jar serving the memory service API, as the README's run command starts it, on a free
 * API port bound to every address (so that a test can call it from a non-loopback address too),
 * with a small document limit and its embedded PostgreSQL on a port the test can query.
 */
public final class ApiWorker implements AutoCloseable {
  /** Small, so that a test can send more without sending much. */
  public static final long MAX_DOCUMENT_BYTES = 100_000;

  private static final Duration READY = Duration.ofMinutes(3);

  private final SettingsMap settings;
  private final int apiPort;
  private final int storePort;
  private ChildWorker process;

  private ApiWorker(SettingsMap settings, int apiPort, int storePort) {
    this.settings = settings;
    this.apiPort = apiPort;
    this.storePort = storePort;
  }

  /** A worker of the target on its own task queue, with its own embedded store. */
  public static ApiWorker start(TemporalTarget target, String taskQueue) throws Exception {
    Path data = Files.createTempDirectory("apex-api-worker");
    return start(
        SettingsMap.forServer(target)
            .with("TEMPORAL_TASK_QUEUE", taskQueue)
            .with("APEX_DATA_DIR", data.resolve("data").toString())
            .with("APEX_STORE_PORT", String.valueOf(FreePorts.next())),
        -1);
  }

  /**
   * A worker with these settings (a shared store's JDBC URL, say) and the API's; {@code storePort}
   * is the embedded store's port, or -1 for the settings' own.
   */
  public static ApiWorker start(SettingsMap base, int storePort) {
    int apiPort = FreePorts.next();
    SettingsMap settings =
        base.with(
            Map.of(
                "APEX_API_PORT", String.valueOf(apiPort),
                "APEX_API_BIND_ADDRESS", "0.0.0.0",
                "APEX_MAX_DOCUMENT_BYTES", String.valueOf(MAX_DOCUMENT_BYTES)));
    int store =
        storePort >= 0
            ? storePort
            : Integer.parseInt(settings.variables().getOrDefault("APEX_STORE_PORT", "-1"));
    ApiWorker worker = new ApiWorker(settings, apiPort, store);
    worker.launch();
    return worker;
  }

  /** Starts the process (again, after a kill) and waits until the API answers. */
  public void launch() {
    process = ChildWorker.jar(settings.variables());
    Deadline.require(
        READY,
        "the worker and its API to be ready",
        () ->
            (process.output().contains("worker ready")
                    && process.output().contains("memory service API at"))
                || !process.alive());
    assertThat(process.alive()).as(process.output()).isTrue();
  }

  public ChildWorker process() {
    return process;
  }

  public SettingsMap settings() {
    return settings;
  }

  public int apiPort() {
    return apiPort;
  }

  /** The embedded store's rows, straight through JDBC with the password in its data directory. */
  public StoreRows rows() {
    return StoreRows.ofWorker(storePort, Path.of(settings.variables().get("APEX_DATA_DIR")));
  }

  /** A client on 127.0.0.1, checking every answer against the contract. */
  public ApiClient client(OpenApiContract contract) {
    return new ApiClient("127.0.0.1", apiPort, contract);
  }

  /** SIGTERM, then waits for the drain; the exit status. */
  @Override
  public void close() throws Exception {
    if (process != null && process.alive()) {
      process.terminate();
      process.awaitExit(Duration.ofMinutes(1));
    }
  }
}
