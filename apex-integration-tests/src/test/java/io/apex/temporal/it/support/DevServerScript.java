package io.apex.temporal.it.support;

import io.apex.temporal.testkit.ChildProcess;
import io.apex.temporal.testkit.ExternalTool;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.TemporalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code scripts/dev-server.sh}, run as an operator runs it, on free ports: the server the README's
 * "run on a real server" starts. Extra arguments go to the script unchanged.
 */
public final class DevServerScript implements TemporalTarget {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final int port = FreePorts.next();
  private final int metricsPort = FreePorts.next();
  private final int uiPort = FreePorts.next();
  private final Optional<Path> databaseFile;
  private final List<String> extraArguments;
  private ChildProcess process;

  /**
   * @param databaseFile passed as {@code --db-filename} when present; in memory otherwise
   */
  public DevServerScript(Optional<Path> databaseFile, String... extraArguments) {
    this.databaseFile = databaseFile;
    this.extraArguments = List.of(extraArguments);
  }

  /** The repository's root: the folder above this module with scripts/dev-server.sh. */
  public static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("scripts/dev-server.sh");
      if (Files.isRegularFile(script)) {
        return script;
      }
    }
    throw new IllegalStateException(
        "scripts/dev-server.sh not found above " + Path.of("").toAbsolutePath());
  }

  @Override
  public String name() {
    return "scripts/dev-server.sh";
  }

  @Override
  public String host() {
    return "localhost";
  }

  @Override
  public int port() {
    return port;
  }

  public int metricsPort() {
    return metricsPort;
  }

  public int uiPort() {
    return uiPort;
  }

  public Optional<Path> databaseFile() {
    return databaseFile;
  }

  public String output() {
    return process.output();
  }

  @Override
  public void start() {
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                script().toString(),
                "--port",
                String.valueOf(port),
                "--metrics-port",
                String.valueOf(metricsPort),
                "--ui-port",
                String.valueOf(uiPort)));
    databaseFile.ifPresent(file -> command.addAll(List.of("--db-filename", file.toString())));
    command.addAll(extraArguments);
    process =
        ChildProcess.command("scripts/dev-server.sh", command)
            .environment("APEX_TEMPORAL_CLI", ExternalTool.TEMPORAL.require().toString())
            .start()
            .awaitPort(port, START_TIMEOUT);
  }

  @Override
  public void stop() {
    if (process != null) {
      process.close();
    }
  }
}
