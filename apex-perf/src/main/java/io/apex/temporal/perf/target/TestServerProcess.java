package io.apex.temporal.perf.target;

import io.apex.temporal.testkit.ChildProcess;
import io.apex.temporal.worker.runtime.Managed;
import java.time.Duration;
import java.util.List;

/**
 * The Java test server in a JVM of its own. The test server keeps every history in memory, so in
 * the worker's JVM it would grow with every workflow and hide the worker's own heap; the memory
 * scenario therefore runs it here, on this process's class path.
 */
public final class TestServerProcess implements Managed {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  /** Room for the histories of the largest memory run, which the server never frees. */
  private static final String HEAP = "-Xmx2g";

  private final int port;
  private ChildProcess process;

  public TestServerProcess(int port) {
    this.port = port;
  }

  @Override
  public String name() {
    return "Java test server process on port " + port;
  }

  public String description() {
    return "Java test server in a separate JVM at 127.0.0.1:" + port;
  }

  @Override
  public void start() {
    // The kit's child process stops the server should this JVM end without stop() (an Error
    // thrown past the lifecycle), so that no orphan loads the machine.
    process =
        ChildProcess.command(
                "Java test server process on port " + port,
                List.of(
                    ChildProcess.java(),
                    HEAP,
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
