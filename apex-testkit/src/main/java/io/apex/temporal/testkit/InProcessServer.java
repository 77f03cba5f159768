package io.apex.temporal.testkit;

/**
 * A server in this JVM, such as the worker's embedded Java test server, run apart from any worker
 * so that workers can stop and start while it keeps its (in-memory) state. The kit does not depend
 * on the worker, so the caller hands over how to start and stop it.
 */
public final class InProcessServer implements TemporalTarget {
  private final String name;
  private final int port;
  private final Runnable start;
  private final Runnable stop;
  private boolean running;

  /**
   * @param start binds the server to {@code 127.0.0.1:port}; called again after {@code stop}
   */
  public InProcessServer(String name, int port, Runnable start, Runnable stop) {
    this.name = name;
    this.port = port;
    this.start = start;
    this.stop = stop;
  }

  @Override
  public String name() {
    return name;
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
    if (!running) {
      start.run();
      running = true;
    }
  }

  @Override
  public void stop() {
    if (running) {
      stop.run();
      running = false;
    }
  }
}
