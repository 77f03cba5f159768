package io.apex.temporal.perf.target;

import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.ProcessOutput;
import io.apex.temporal.worker.runtime.Managed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
  private Process process;
  private ProcessOutput output;
  private ExitReaper reaper;

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
  public void start() throws IOException {
    Path log = Files.createTempFile("apex-perf-test-server-" + port + "-", ".log");
    output = new ProcessOutput(log);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                List.of(
                    java,
                    HEAP,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.temporal.testserver.TestServer",
                    String.valueOf(port)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    // Should this JVM end without stop() (an Error thrown past the lifecycle), the server must
    // not live on as an orphan that loads the machine.
    reaper = ExitReaper.register("test-server-process-reaper", process::destroyForcibly);
    if (!Deadline.await(START_TIMEOUT, () -> !process.isAlive() || listening())) {
      stop();
      throw new IllegalStateException(
          "the test server process did not listen on port "
              + port
              + " within "
              + START_TIMEOUT.toSeconds()
              + " s:\n"
              + output.tail(20));
    }
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the test server process exited with " + process.exitValue() + ":\n" + output.tail(20));
    }
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void stop() {
    if (reaper != null) {
      reaper.cancel();
      reaper = null;
    }
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
