package io.apex.temporal.worker.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every error path of every command: one line naming the setting, file or target, exit 2 for a bad
 * setting or file and 1 for an unreachable server, and no stack trace.
 */
class CommandErrorPathsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(ConfigLoadResult settings, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = ApexCommand.commandLine(settings);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static ConfigLoadResult settings(Map<String, String> overrides) {
    return SettingsMap.forServer("127.0.0.1", FreePorts.next())
        .with("TEMPORAL_CONNECT_TIMEOUT", "1s")
        .with(overrides)
        .load();
  }

  private void assertOneLineWithoutStackTrace(String... parts) {
    assertThat(err.toString().lines()).as(err.toString()).hasSize(1);
    assertThat(err.toString()).contains(parts).doesNotContain("\tat ", "Exception:");
  }

  private Path garbage(String name) throws IOException {
    return Files.writeString(dir.resolve(name), "this is not PEM\n");
  }

  @Test
  void tlsFilesWithGarbageExitTwoNamingTheVariableAndFile() throws IOException {
    Path cert = garbage("client.pem");
    Path key = garbage("client.key");
    ConfigLoadResult settings =
        settings(
            Map.of(
                "TEMPORAL_TLS_CERT_PATH",
                cert.toString(),
                "TEMPORAL_TLS_KEY_PATH",
                key.toString()));
    for (String command : new String[] {"greet", "greet-retry", "query-status"}) {
      assertThat(run(settings, command)).as(command).isEqualTo(2);
      assertOneLineWithoutStackTrace("TEMPORAL_TLS_CERT_PATH", cert.toString());
    }
    assertThat(run(settings, "worker")).isEqualTo(2);
  }

  @Test
  void aCaFileWithGarbageExitsTwoNamingTheVariable() throws IOException {
    Path ca = garbage("ca.pem");
    assertThat(run(settings(Map.of("TEMPORAL_TLS_CA_PATH", ca.toString())), "greet")).isEqualTo(2);
    assertOneLineWithoutStackTrace("TEMPORAL_TLS_CA_PATH", ca.toString());
  }

  @Test
  void anUnreachableServerExitsOneWithOneLineNamingTheTarget() {
    ConfigLoadResult settings = settings(Map.of());
    String target = settings.config().orElseThrow().connection().target();
    for (String command : new String[] {"greet", "greet-retry", "query-status"}) {
      assertThat(run(settings, command)).as(command).isEqualTo(1);
      assertOneLineWithoutStackTrace("could not reach Temporal at " + target);
    }
    assertThat(run(settings, "worker")).isEqualTo(1);
  }

  @Test
  void aMetricsPortInUseStopsTheWorkerWithExitTwo() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThat(
              run(
                  settings(Map.of("TEMPORAL_METRICS_PORT", String.valueOf(taken.getLocalPort()))),
                  "worker"))
          .isEqualTo(2);
    }
  }

  @Test
  void aNegativeTimeoutIsRefusedAsAUsageError() {
    assertThat(run(settings(Map.of()), "greet", "--timeout-seconds=-1")).isEqualTo(2);
    assertOneLineWithoutStackTrace("--timeout-seconds must be an integer 1-3600, got '-1'");
  }

  @Test
  void extraArgumentsAreRefusedAsAUsageError() {
    assertThat(run(settings(Map.of()), "greet", "Ada", "Lovelace")).isEqualTo(2);
    assertOneLineWithoutStackTrace("Lovelace");
    assertThat(run(settings(Map.of()), "worker", "extra")).isEqualTo(2);
    assertOneLineWithoutStackTrace("extra");
    assertThat(run(settings(Map.of()), "config", "extra")).isEqualTo(2);
  }
}
