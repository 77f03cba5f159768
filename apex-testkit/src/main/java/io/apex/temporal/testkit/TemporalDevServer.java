package io.apex.temporal.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Temporal server: {@code temporal server start-dev} from the pinned temporal CLI, on free
 * ports, headless, optionally on a SQLite file so that its state survives a restart. It runs with
 * the project's tuned settings ({@link DevServerSettings#tuned()}, the same file {@code
 * scripts/dev-server.sh} reads) unless given others.
 */
public final class TemporalDevServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TemporalDevServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path cli;
  private final int port;
  private final int metricsPort;
  private final Optional<Path> databaseFile;
  private final DevServerSettings settings;
  private final ProcessOutput output;
  private ChildProcess process;

  private TemporalDevServer(
      Path cli,
      int port,
      int metricsPort,
      Optional<Path> databaseFile,
      DevServerSettings settings,
      Path outputFile) {
    this.cli = cli;
    this.port = port;
    this.metricsPort = metricsPort;
    this.databaseFile = databaseFile;
    this.settings = settings;
    this.output = new ProcessOutput(outputFile);
  }

  /** A tuned server with its state in memory, on fresh free ports. */
  public static TemporalDevServer start() {
    return start(Optional.empty());
  }

  /** A tuned server keeping its state in {@code databaseFile}, on fresh free ports. */
  public static TemporalDevServer start(Optional<Path> databaseFile) {
    return start(databaseFile, DevServerSettings.tuned());
  }

  /** A server with the given settings (tuned or untuned), on fresh free ports. */
  public static TemporalDevServer start(Optional<Path> databaseFile, DevServerSettings settings) {
    TemporalDevServer server = create(databaseFile, settings, FreePorts.next(), FreePorts.next());
    server.startProcess();
    return server;
  }

  private static TemporalDevServer create(
      Optional<Path> databaseFile, DevServerSettings settings, int port, int metricsPort) {
    Path cli = ExternalTool.TEMPORAL.require();
    try {
      Path outputFile = Files.createTempFile("temporal-dev-server-" + port + "-", ".log");
      return new TemporalDevServer(cli, port, metricsPort, databaseFile, settings, outputFile);
    } catch (IOException e) {
      throw new IllegalStateException("could not create a log file for the dev server", e);
    }
  }

  private void startProcess() {
    List<String> command =
        new ArrayList<>(
            List.of(
                cli.toString(),
                "server",
                "start-dev",
                "--headless",
                "--ip",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--metrics-port",
                String.valueOf(metricsPort),
                "--http-port",
                String.valueOf(FreePorts.next()),
                "--log-level",
                "warn"));
    command.addAll(settings.arguments(databaseFile.isPresent()));
    databaseFile.ifPresent(file -> command.addAll(List.of("--db-filename", file.toString())));
    process =
        ChildProcess.command("temporal dev server on " + port, command)
            .log(output.file())
            .start()
            .awaitPort(port, START_TIMEOUT);
    log.info(
        "temporal dev server on 127.0.0.1:{} (metrics :{}, {}; {})",
        port,
        metricsPort,
        databaseFile.map(f -> "database " + f).orElse("in memory"),
        settings.describe());
  }

  /** Stops the process (as SIGTERM) and starts it again on the same ports and database file. */
  public void restart() {
    stopProcess();
    startProcess();
  }

  /** The frontend's gRPC target, {@code 127.0.0.1:port}. */
  public String target() {
    return "127.0.0.1:" + port;
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  /** The port of the server's own Prometheus endpoint, {@code /metrics}. */
  public int metricsPort() {
    return metricsPort;
  }

  public Path cli() {
    return cli;
  }

  /** The settings the server was started with. */
  public DevServerSettings settings() {
    return settings;
  }

  /**
   * The CPU time the server process has used so far (user and system), when the operating system
   * reports it; the CLI runs the whole server in this one process.
   */
  public Optional<Duration> cpuTime() {
    ChildProcess running = process;
    return running == null ? Optional.empty() : running.cpuTime();
  }

  public ProcessOutput output() {
    return output;
  }

  /** Runs a {@code temporal} CLI command against this server and returns its output. */
  public CliResult cli(String... arguments) {
    List<String> command = new ArrayList<>(List.of(cli.toString()));
    command.addAll(List.of(arguments));
    command.addAll(List.of("--address", target()));
    return CliResult.run(command, Duration.ofSeconds(60));
  }

  private void stopProcess() {
    if (process != null) {
      process.stop();
      PortProbe.awaitClosed(port, Duration.ofSeconds(10));
    }
  }

  /** Stops the server and deletes its log; a failure to start has already shown the log's tail. */
  @Override
  public void close() {
    stopProcess();
    try {
      Files.deleteIfExists(output.file());
    } catch (IOException e) {
      log.warn("could not delete {}: {}", output.file(), e.getMessage());
    }
  }
}
