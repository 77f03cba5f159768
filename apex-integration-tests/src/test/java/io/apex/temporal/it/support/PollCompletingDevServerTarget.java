package io.apex.temporal.it.support;

import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.ExternalTool;
import io.apex.temporal.testkit.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code temporal server start-dev} with {@code frontend.enableCancelWorkerPollsOnShutdown} on: a
 * server that completes a stopping worker's polls itself, so that the SDK waits for them instead
 * of cancelling them. The test kit's dev server does not take extra dynamic config (yet), hence
 * this small launcher.
 */
public final class PollCompletingDevServerTarget implements TemporalTarget {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private final int port = FreePorts.next();
  private Process process;
  private Path log;

  @Override
  public String name() {
    return "temporal server start-dev completing polls on worker shutdown";
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
    try {
      log = Files.createTempFile("temporal-dev-server-" + port + "-", ".log");
      process = new ProcessBuilder(List.of(ExternalTool.TEMPORAL.require().toString(),
          "server", "start-dev", "--headless", "--ip", "127.0.0.1",
          "--port", String.valueOf(port),
          "--http-port", String.valueOf(FreePorts.next()),
          "--metrics-port", String.valueOf(FreePorts.next()),
          "--log-level", "warn",
          "--dynamic-config-value", "frontend.enableCancelWorkerPollsOnShutdown=true"))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start the dev server: " + e.getMessage(), e);
    }
    Deadline.require(START_TIMEOUT, "the dev server to listen on " + port,
        () -> !process.isAlive() || listening());
    if (!process.isAlive()) {
      throw new IllegalStateException("the dev server exited with " + process.exitValue());
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
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (IOException e) {
      // only the log file of a stopped server
    }
  }
}
