package io.apex.temporal.infra;

import io.apex.temporal.testkit.ChildProcess;
import io.apex.temporal.testkit.ExternalTool;
import io.apex.temporal.testkit.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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
  private final ChildProcess process;
  private final PrometheusApi api;

  private PrometheusServer(Path directory, int port, ChildProcess process, PrometheusApi api) {
    this.directory = directory;
    this.port = port;
    this.process = process;
    this.api = api;
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
    PrometheusApi api = new PrometheusApi("http://127.0.0.1:" + port);
    ChildProcess process =
        ChildProcess.command(
                "Prometheus",
                List.of(
                    executable.toString(),
                    "--config.file=" + configFile,
                    "--storage.tsdb.path=" + directory.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port))
            .log(directory.resolve("prometheus.log"))
            .start();
    PrometheusServer server = new PrometheusServer(directory, port, process, api);
    try {
      process.awaitReady("be ready", START_TIMEOUT, api::ready);
    } catch (IllegalStateException e) {
      deleteRecursively(directory);
      throw e;
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
    return process.tail(40);
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(10));
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
