package io.apex.temporal.testkit;

import java.nio.file.Path;
import java.util.Optional;

/** A real Temporal server, {@code temporal server start-dev}, optionally on a SQLite file. */
public final class DevServerTarget implements TemporalTarget {
  private final Optional<Path> databaseFile;
  private final DevServerSettings settings;
  private TemporalDevServer server;
  private boolean running;

  public DevServerTarget() {
    this(Optional.empty());
  }

  public DevServerTarget(Optional<Path> databaseFile) {
    this(databaseFile, DevServerSettings.tuned());
  }

  /** A server with the given settings: the project's tuning or the server's defaults. */
  public DevServerTarget(Optional<Path> databaseFile, DevServerSettings settings) {
    this.databaseFile = databaseFile;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "temporal server start-dev" + (databaseFile.isPresent() ? " on SQLite" : "");
  }

  @Override
  public String host() {
    return server().host();
  }

  @Override
  public int port() {
    return server().port();
  }

  @Override
  public void start() {
    if (server == null) {
      server = TemporalDevServer.start(databaseFile, settings);
    } else if (!running) {
      server.restart();
    }
    running = true;
  }

  /** Stops the server process; a later {@link #start()} brings it back on the same ports. */
  @Override
  public void stop() {
    if (server != null && running) {
      server.close();
      running = false;
    }
  }

  /** Runs the temporal CLI against this server. */
  public CliResult cli(String... arguments) {
    return server().cli(arguments);
  }

  public TemporalDevServer server() {
    if (server == null) {
      throw new IllegalStateException("the dev server has not been started");
    }
    return server;
  }
}
