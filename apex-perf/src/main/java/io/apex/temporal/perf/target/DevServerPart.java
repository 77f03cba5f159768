package io.apex.temporal.perf.target;

import io.apex.temporal.testkit.TemporalDevServer;
import io.apex.temporal.worker.runtime.Managed;

/** {@code temporal server start-dev} on free ports, for the whole run. */
public final class DevServerPart implements Managed {
  private TemporalDevServer server;
  private Thread exitHook;

  @Override
  public String name() {
    return "temporal dev server";
  }

  @Override
  public void start() {
    server = TemporalDevServer.start();
    // Should this JVM end without stop(), the server must not live on as an orphan.
    TemporalDevServer started = server;
    exitHook = new Thread(started::close, "dev-server-reaper");
    Runtime.getRuntime().addShutdownHook(exitHook);
  }

  public String host() {
    return server.host();
  }

  public int port() {
    return server.port();
  }

  public String description() {
    return "temporal server start-dev (" + server.cli() + ") at " + server.target();
  }

  @Override
  public void stop() {
    if (exitHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(exitHook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down, and the hook will run.
      }
      exitHook = null;
    }
    if (server != null) {
      server.close();
    }
  }
}
