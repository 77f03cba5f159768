package io.apex.temporal.testkit;

import java.time.Duration;
import java.util.List;

/**
 * The Java test server ({@code io.temporal.testserver.TestServer}, from temporal-testing on the
 * caller's class path) in a JVM of its own. The test server keeps every history in memory, so in a
 * worker's JVM it would grow with every workflow and hide the worker's own heap.
 */
public final class TestServerJvm implements TemporalTarget {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final int port;
  private final String maxHeap;
  private ChildProcess process;

  /**
   * @param maxHeap the child's {@code -Xmx} value, e.g. {@code 2g}: room for every history it keeps
   */
  public TestServerJvm(int port, String maxHeap) {
    this.port = port;
    this.maxHeap = maxHeap;
  }

  @Override
  public String name() {
    return "Java test server in a separate JVM at 127.0.0.1:" + port;
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
    if (process != null) {
      return;
    }
    process =
        ChildProcess.command(
                "Java test server process on port " + port,
                List.of(
                    ChildProcess.java(),
                    "-Xmx" + maxHeap,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.temporal.testserver.TestServer",
                    String.valueOf(port)))
            .start()
            .awaitPort(port, START_TIMEOUT);
  }

  @Override
  public void stop() {
    if (process != null) {
      process.stop(STOP_TIMEOUT);
      process.close();
      process = null;
    }
  }
}
