package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The validation gaps the hardening review found: numbers, hosts, env files. */
class ValidationGapsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"١٧٢٣٣", "１７２３３", "+17233", "0x10", "1_000", "17233.0"})
  void onlyAsciiDigitsMakeANumber(String value) {
    assertThat(Settings.problems(Map.of("TEMPORAL_PORT", value)))
        .containsExactly("TEMPORAL_PORT must be an integer 1-65535, got '" + value + "'");
    assertThat(Settings.problems(Map.of("TEMPORAL_METRICS_PORT", "٨٠٧٨")))
        .containsExactly("TEMPORAL_METRICS_PORT must be an integer 1-65535, got '٨٠٧٨'");
  }

  @Test
  void aLeadingPlusIsRejected() {
    assertThat(Settings.problems(Map.of("TEMPORAL_ROLLOUT", "+50")))
        .containsExactly("TEMPORAL_ROLLOUT must be an integer 0-100, got '+50'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exa mple",
        "http://x",
        "x:7233",
        "a/b",
        "-lead.example",
        "exa..mple",
        "[::1",
        "host\tname"
      })
  void aHostThatIsNoHostNameOrAddressIsRejected(String host) {
    assertThat(Settings.problems(Map.of("TEMPORAL_HOST", host)))
        .containsExactly(
            "TEMPORAL_HOST must be a host name or IP address (no scheme, port or spaces), got '"
                + host
                + "'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "temporal",
        "temporal.internal",
        "temporal-frontend.ns.svc",
        "10.0.0.7",
        "[::1]",
        "temporal_server",
        "Temporal.Example.COM"
      })
  void hostNamesAndAddressesAreAccepted(String host) {
    assertThat(Settings.problems(Map.of("TEMPORAL_HOST", host))).isEmpty();
  }

  @Test
  void aNonUtf8EnvFileIsNamedAccuratelyAndItsOtherProblemsAreStillReported() throws IOException {
    Path file = dir.resolve("latin1.env");
    byte[] latin1 =
        "TEMPORAL_NAMESPACE=caf\u00e9\nTEMPORAL_ROLLOUT=150\njust words\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, latin1);
    ConfigLoadResult result =
        TemporalConfigLoader.fromVariables(Map.of("TEMPORAL_ENV_FILE", file.toString())).load();
    assertThat(result.problems())
        .extracting(ConfigProblem::message)
        .containsExactlyInAnyOrder(
            file + " line 1 must be UTF-8 text, got 'bytes that are not UTF-8'",
            file + " line 3 must be a KEY=VALUE line, got 'just ****'",
            "TEMPORAL_ROLLOUT must be an integer 0-100, got '150'");
  }

  @Test
  void theRawSettingsNameTheEnvFileTheyCameFrom() throws IOException {
    Path file = Files.writeString(dir.resolve("staging.env"), "TEMPORAL_NAMESPACE=staging\n");
    ConfigLoadResult result =
        TemporalConfigLoader.fromVariables(Map.of("TEMPORAL_ENV_FILE", file.toString())).load();
    assertThat(result.raw().sourceLabel(Setting.NAMESPACE)).isEqualTo(file.toString());
    assertThat(result.raw().sourceLabel(Setting.PORT)).isEqualTo("reference.conf default");
  }

  @Test
  void anEnvFileNameThatIsNoPathIsOneProblem() {
    ConfigLoadResult result =
        TemporalConfigLoader.fromVariables(Map.of("TEMPORAL_ENV_FILE", "bad\u0000name")).load();
    assertThat(result.problems())
        .extracting(ConfigProblem::subject)
        .containsExactly("TEMPORAL_ENV_FILE");
  }

  @Test
  void anApplicationConfErrorNamesTheLineButNotItsText() {
    ConfigLoadResult result =
        new TemporalConfigLoader(
                Map.of(),
                Optional.empty(),
                ConfigFactory.parseString("temporal.api-key = ${SEKRIT_UNSET_123}"))
            .load();
    assertThat(result.problems())
        .extracting(ConfigProblem::message)
        .containsExactly("application.conf must be valid HOCON, got 'an error at line 1'");
  }
}
