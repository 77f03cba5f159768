package io.apex.temporal.perf.target;

import com.uber.m3.tally.NoopScope;
import io.apex.temporal.client.internal.connection.TemporalConnection;
import io.apex.temporal.config.EmbeddedServerMode;
import io.apex.temporal.config.Setting;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.perf.settings.PerfSettings;
import io.apex.temporal.perf.settings.ServerTuning;
import io.apex.temporal.perf.settings.TargetKind;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.TemporalDevServer;
import io.apex.temporal.testkit.TestServerJvm;
import io.apex.temporal.worker.internal.connection.ConnectionPart;
import io.apex.temporal.worker.internal.runtime.ManagedParts;
import io.apex.temporal.worker.runtime.Managed;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Starts what a phase runs against: the server (unless it exists already), our worker runtime
 * (unless in load-only mode) and the load generator's own client connection, apart from the
 * worker's as a real client's would be. The dev server, when chosen, serves the whole run.
 */
public final class Targets implements AutoCloseable {
  private static final String LOCAL_HOST = "127.0.0.1";

  /** The namespace that the test server and the dev server both create at start. */
  private static final String LOCAL_NAMESPACE = "default";

  /** Room for the histories of the largest memory run, which the test server never frees. */
  private static final String TEST_SERVER_HEAP = "2g";

  private final PerfSettings settings;
  private final PhaseConfig phaseConfig;
  private final String taskQueue;
  private final ServerTuning tuning;
  private final boolean eagerStart;
  private DevServerTarget devServer;

  /**
   * @param runId unique per run: the task queue of a worker the benchmark starts
   * @param tuning the dev server's settings, when the benchmark starts one
   */
  public Targets(
      PerfSettings settings,
      PhaseConfig phaseConfig,
      String runId,
      ServerTuning tuning,
      boolean eagerStart) {
    this.settings = settings;
    this.phaseConfig = phaseConfig;
    this.tuning = tuning;
    this.eagerStart = eagerStart;
    this.taskQueue = settings.loadOnly() ? phaseConfig.configuredTaskQueue() : "apex-perf-" + runId;
  }

  public RunningTarget open(Phase phase) throws Exception {
    Map<Setting, String> overrides = new EnumMap<>(Setting.class);
    overrides.put(Setting.TASK_QUEUE, taskQueue);
    overrides.put(Setting.METRICS_PORT, String.valueOf(FreePorts.next()));
    List<Managed> parts = new ArrayList<>();
    String server = server(phase, overrides, parts);

    TemporalConfig config = phaseConfig.config(overrides);
    WorkerRuntime worker = null;
    if (!settings.loadOnly()) {
      worker = new WorkerRuntime(config, WorkflowCatalog.standard());
      parts.add(worker);
    }
    TemporalConnection loadClient = new TemporalConnection(config.connection(), new NoopScope());
    parts.add(new ConnectionPart(loadClient));
    ManagedParts started = new ManagedParts(parts);
    started.start();
    if (eagerStart && worker != null) {
      server += "; workflows started through the worker's own client, with eager workflow start";
    }
    TargetDescription description =
        new TargetDescription(
            settings.target().label(),
            phase.name().toLowerCase(Locale.ROOT),
            server,
            config.connection().target(),
            config.connection().namespace(),
            config.runtime().taskQueue(),
            settings.loadOnly(),
            !settings.loadOnly(),
            settings.loadOnly() ? null : config.limits(),
            serverSettings());
    // Eager workflow start hands the first workflow task back in the start call's response,
    // which the SDK does only when the starting client is the one the worker polls with.
    WorkflowClient client = eagerStart && worker != null ? worker.client() : loadClient.client();
    return new RunningTarget(description, client, started);
  }

  /** The server's CPU time so far, when the benchmark started it as a process of its own. */
  public Optional<Duration> serverCpuTime() {
    return devServer == null ? Optional.empty() : devServer.server().cpuTime();
  }

  private String serverSettings() {
    return switch (settings.target()) {
      case DEV_SERVER -> devServer.server().settings().describe();
      case EMBEDDED -> "Java test server: no dynamic configuration";
      case EXISTING -> "not known: the existing server's own";
    };
  }

  /**
   * Chooses the server for the phase, adding the settings and parts it needs; returns its
   * description.
   */
  private String server(Phase phase, Map<Setting, String> overrides, List<Managed> parts)
      throws Exception {
    TargetKind kind = settings.target();
    if (kind == TargetKind.EXISTING) {
      overrides.put(Setting.EMBEDDED_SERVER, EmbeddedServerMode.NEVER.label());
      return "existing server from the TEMPORAL_* settings";
    }
    overrides.put(Setting.HOST, LOCAL_HOST);
    overrides.put(Setting.NAMESPACE, LOCAL_NAMESPACE);
    if (kind == TargetKind.DEV_SERVER) {
      if (devServer == null) {
        DevServerTarget started = new DevServerTarget(Optional.empty(), tuning.devServerSettings());
        started.start();
        devServer = started;
      }
      overrides.put(Setting.PORT, String.valueOf(devServer.port()));
      overrides.put(Setting.EMBEDDED_SERVER, EmbeddedServerMode.NEVER.label());
      TemporalDevServer server = devServer.server();
      return "temporal server start-dev (" + server.cli() + ") at " + server.target();
    }
    int port = FreePorts.next();
    overrides.put(Setting.PORT, String.valueOf(port));
    if (phase == Phase.THROUGHPUT) {
      overrides.put(Setting.EMBEDDED_SERVER, EmbeddedServerMode.ALWAYS.label());
      return "Java test server embedded in the worker's JVM at " + LOCAL_HOST + ":" + port;
    }
    overrides.put(Setting.EMBEDDED_SERVER, EmbeddedServerMode.NEVER.label());
    TestServerJvm process = new TestServerJvm(port, TEST_SERVER_HEAP);
    parts.add(new TargetPart(process));
    return process.name();
  }

  @Override
  public void close() {
    if (devServer != null) {
      devServer.stop();
    }
  }
}
