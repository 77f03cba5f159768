package io.apex.temporal.infra;

import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.ExternalTool;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.ProcessOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Prometheus as a child process: the given configuration, a fresh data directory, a free
 * port on the loopback address. Closing it stops the process and deletes the directory.
 */
public final class PrometheusServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PrometheusServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Path directory;
  private final int port;
  private final ProcessOutput output;
  private final Process process;
  private final PrometheusApi api;

  private PrometheusServer(Path directory, int port, ProcessOutput output, Process process) {
    this.directory = directory;
    this.port = port;
    this.output = output;
    this.process = process;
    this.api = new PrometheusApi("http://127.0.0.1:" + port);
  }

  /** Writes the configuration into a new temporary directory and starts Prometheus on it. */
  public static PrometheusServer start(PrometheusConfig config) {
    Path executable = ExternalTool.PROMETHEUS.require();
    Path directory;
    try {
      directory = Files.createTempDirectory("apex-prometheus-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path configFile = directory.resolve("prometheus.yml");
    config.write(configFile);
    int port = FreePorts.next();
    ProcessOutput output = new ProcessOutput(directory.resolve("prometheus.log"));
    Process process;
    try {
      process =
          new ProcessBuilder(
                  List.of(
                      executable.toString(),
                      "--config.file=" + configFile,
                      "--storage.tsdb.path=" + directory.resolve("data"),
                      "--web.listen-address=127.0.0.1:" + port))
              .redirectErrorStream(true)
              .redirectOutput(output.file().toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
    } catch (IOException e) {
      deleteRecursively(directory);
      throw new UncheckedIOException("could not run " + executable, e);
    }
    PrometheusServer server = new PrometheusServer(directory, port, output, process);
    if (!Deadline.await(START_TIMEOUT, () -> !process.isAlive() || server.api.ready())) {
      server.close();
      throw new IllegalStateException(
          "Prometheus was not ready within "
              + START_TIMEOUT.toSeconds()
              + " s:\n"
              + output.tail(30));
    }
    if (!process.isAlive()) {
      String tail = output.tail(30);
      server.close();
      throw new IllegalStateException("Prometheus exited at start:\n" + tail);
    }
    log.info("Prometheus {} on 127.0.0.1:{} ({})", server.api.version(), port, directory);
    return server;
  }

  public PrometheusApi api() {
    return api;
  }

  public int port() {
    return port;
  }

  public String logTail() {
    return output.tail(40);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteRecursively(directory);
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.warn("could not delete {}: {}", directory, e.getMessage());
    }
  }
}
