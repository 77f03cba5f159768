package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcePrecedenceTest {
  private static final Config APPLICATION_CONF =
      ConfigFactory.parseString(
          "temporal { host = from-application-conf, port = 7001, namespace = app-namespace,"
              + " task-queue = app-queue }");

  @TempDir Path dir;

  private ConfigLoadResult load(Map<String, String> environment, String envFileText)
      throws IOException {
    Path envFile = Files.writeString(dir.resolve(".env.temporal"), envFileText);
    return new TemporalConfigLoader(environment, Optional.of(envFile), APPLICATION_CONF).load();
  }

  @Test
  void environmentBeatsEnvFileBeatsApplicationConfBeatsDefaults() throws IOException {
    ConfigLoadResult result =
        load(
            Map.of("TEMPORAL_HOST", "from-environment"),
            "TEMPORAL_HOST=from-env-file\nTEMPORAL_PORT=7002\n");
    Connection connection = result.config().orElseThrow().connection();

    assertThat(connection.host()).isEqualTo("from-environment");
    assertThat(connection.port()).isEqualTo(7002);
    assertThat(connection.namespace()).isEqualTo("app-namespace");
    assertThat(result.config().orElseThrow().runtime().metricsPort()).isEqualTo(8078);

    assertThat(result.raw().get(Setting.HOST))
        .contains(new RawValue("from-environment", Source.ENVIRONMENT));
    assertThat(result.raw().get(Setting.PORT)).contains(new RawValue("7002", Source.ENV_FILE));
    assertThat(result.raw().get(Setting.NAMESPACE))
        .contains(new RawValue("app-namespace", Source.APPLICATION_CONF));
    assertThat(result.raw().get(Setting.METRICS_PORT))
        .contains(new RawValue("8078", Source.DEFAULT));
  }

  @Test
  void envFileIsOptional() {
    ConfigLoadResult result =
        new TemporalConfigLoader(
                Map.of(), Optional.of(dir.resolve("absent.env")), ConfigFactory.empty())
            .load();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void envFilePathCanBeOverriddenFromTheEnvironment() throws IOException {
    Path other = Files.writeString(dir.resolve("staging.env"), "TEMPORAL_NAMESPACE=staging\n");
    ConfigLoadResult result =
        load(
            Map.of(TemporalConfigLoader.ENV_FILE_VARIABLE, other.toString()),
            "TEMPORAL_NAMESPACE=from-default-file\n");
    assertThat(result.config().orElseThrow().connection().namespace()).isEqualTo("staging");
  }

  @Test
  void anOverriddenEnvFileThatDoesNotExistIsAProblem() {
    String missing = dir.resolve("missing.env").toString();
    ConfigLoadResult result =
        new TemporalConfigLoader(
                Map.of(TemporalConfigLoader.ENV_FILE_VARIABLE, missing),
                Optional.empty(),
                ConfigFactory.empty())
            .load();
    assertThat(result.problems())
        .extracting(ConfigProblem::message)
        .containsExactly("TEMPORAL_ENV_FILE must be a readable file, got '" + missing + "'");
  }

  @Test
  void aBadValueInTheEnvFileIsNamedLikeAnEnvironmentVariable() throws IOException {
    ConfigLoadResult result = load(Map.of(), "TEMPORAL_PORT=seventy\n");
    assertThat(result.problems())
        .extracting(ConfigProblem::message)
        .containsExactly("TEMPORAL_PORT must be an integer 1-65535, got 'seventy'");
  }

  @Test
  void aMalformedEnvFileLineIsReportedWithTheOtherProblems() throws IOException {
    ConfigLoadResult result = load(Map.of("TEMPORAL_ROLLOUT", "101"), "just words\n");
    assertThat(result.problems())
        .extracting(ConfigProblem::message)
        .containsExactlyInAnyOrder(
            dir.resolve(".env.temporal") + " line 1 must be a KEY=VALUE line, got 'just ****'",
            "TEMPORAL_ROLLOUT must be an integer 0-100, got '101'");
  }

  @Test
  void unrelatedEnvironmentVariablesAreIgnored() throws IOException {
    ConfigLoadResult result = load(Map.of("PATH", "/usr/bin", "TEMPORAL_UNKNOWN", "x"), "");
    assertThat(result.valid()).isTrue();
  }
}
