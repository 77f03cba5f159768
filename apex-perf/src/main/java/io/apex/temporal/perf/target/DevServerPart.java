package io.apex.temporal.perf.target;

import io.apex.temporal.testkit.DevServerSettings;
import io.apex.temporal.testkit.TemporalDevServer;
import io.apex.temporal.worker.runtime.Managed;
import java.time.Duration;
import java.util.Optional;

/** {@code temporal server start-dev} on free ports, tuned or not, for the whole run. */
public final class DevServerPart implements Managed {
  private final DevServerSettings settings;
  private TemporalDevServer server;

  public DevServerPart(DevServerSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "temporal dev server";
  }

  @Override
  public void start() {
    // The kit's child process stops the server should this JVM end without stop().
    server = TemporalDevServer.start(Optional.empty(), settings);
  }

  public String host() {
    return server.host();
  }

  public int port() {
    return server.port();
  }

  /** The server's dynamic configuration, as the report's Targets table states it. */
  public String settingsDescription() {
    return settings.describe();
  }

  /** The server process's CPU time so far. */
  public Optional<Duration> cpuTime() {
    return server == null ? Optional.empty() : server.cpuTime();
  }

  public String description() {
    return "temporal server start-dev (" + server.cli() + ") at " + server.target();
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
  }
}
