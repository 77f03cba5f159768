package io.apex.temporal.it.support;

import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.worker.internal.server.EmbeddedTemporalServer;

/**
 * The worker's embedded default, the Java test server on a real port, run here apart from any
 * worker so that workers can stop and start while it keeps its (in-memory) state.
 */
public final class EmbeddedServerTarget implements TemporalTarget {
  private final int port = FreePorts.next();
  private EmbeddedTemporalServer server;

  @Override
  public String name() {
    return "embedded Java test server";
  }

  @Override
  public String host() {
    return "127.0.0.1";
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void start() {
    if (server == null) {
      server = new EmbeddedTemporalServer(port, "integration test", false);
      server.start();
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }
}
