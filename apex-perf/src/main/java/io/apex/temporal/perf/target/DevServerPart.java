package io.apex.temporal.perf.target;

import io.apex.temporal.testkit.TemporalDevServer;
import io.apex.temporal.worker.runtime.Managed;

/** {@code temporal server start-dev} on free ports, for the whole run. */
public final class DevServerPart implements Managed {
  private TemporalDevServer server;
  private ExitReaper reaper;

  @Override
  public String name() {
    return "temporal dev server";
  }

  @Override
  public void start() {
    server = TemporalDevServer.start();
    // Should this JVM end without stop(), the server must not live on as an orphan.
    reaper = ExitReaper.register("dev-server-reaper", server::close);
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
    if (reaper != null) {
      reaper.cancel();
      reaper = null;
    }
    if (server != null) {
      server.close();
    }
  }
}
