package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporal's own client configuration (its variables and its CLI's profile file) is read beside
 * ours, with one precedence: our settings, Temporal's variables, the profile, the defaults.
 */
class TemporalClientConfigurationTest {
  @TempDir Path dir;

  @Test
  void temporalAddressSetsHostAndPort() {
    ConfigLoadResult result = Settings.load(Map.of("TEMPORAL_ADDRESS", "127.0.0.1:7999"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.config().orElseThrow().connection().target()).isEqualTo("127.0.0.1:7999");
    assertThat(result.raw().get(Setting.PORT).orElseThrow().origin())
        .isEqualTo("Temporal variable TEMPORAL_ADDRESS");
  }

  @Test
  void temporalAddressAgainstOurHostIsAnErrorNamingBoth() {
    assertThat(Settings.problems(Map.of("TEMPORAL_ADDRESS", "a:1", "TEMPORAL_HOST", "b")))
        .containsExactly(
            "TEMPORAL_ADDRESS must be unset or agree with TEMPORAL_HOST='b' (set one of them),"
                + " got 'a:1'");
  }

  @Test
  void temporalAddressThatAgreesWithOurSettingsIsAccepted() {
    ConfigLoadResult result =
        Settings.load(
            Map.of("TEMPORAL_ADDRESS", "b:7233", "TEMPORAL_HOST", "b", "TEMPORAL_PORT", "7233"));

    assertThat(result.problems()).isEmpty();
  }

  @Test
  void temporalTlsVariablesFillOurTlsSettings() throws IOException {
    Path cert = Files.writeString(dir.resolve("client.pem"), "cert");
    Path key = Files.writeString(dir.resolve("client.key"), "key");

    TemporalConfig config =
        Settings.valid(
            Map.of(
                "TEMPORAL_TLS_CLIENT_CERT_PATH", cert.toString(),
                "TEMPORAL_TLS_CLIENT_KEY_PATH", key.toString()));

    assertThat(config.connection().tls().orElseThrow().certPath()).contains(cert);
  }

  @Test
  void unsupportedTemporalVariableIsAnErrorThatHidesItsValue() {
    assertThat(Settings.problems(Map.of("TEMPORAL_TLS_CLIENT_KEY_DATA", "-----BEGIN KEY-----")))
        .containsExactly(
            "TEMPORAL_TLS_CLIENT_KEY_DATA must be unset (not supported here: use the *_PATH"
                + " variables), got '"
                + Secret.MASK
                + "'");
  }

  @Test
  void profileNamedByTemporalProfileSuppliesTheConnection() throws IOException {
    Path file = profileFile();

    ConfigLoadResult result =
        Settings.load(Map.of("TEMPORAL_CONFIG_FILE", file.toString(), "TEMPORAL_PROFILE", "x"));

    assertThat(result.problems()).isEmpty();
    Connection connection = result.config().orElseThrow().connection();
    assertThat(connection.target()).isEqualTo("10.1.2.3:7444");
    assertThat(connection.namespace()).isEqualTo("from-profile");
    assertThat(connection.apiKey()).isPresent();
    assertThat(result.raw().get(Setting.NAMESPACE).orElseThrow().origin())
        .isEqualTo("profile 'x' in " + file);
    assertThat(result.raw().temporalProfile()).isEqualTo("profile 'x' in " + file);
    assertThat(result.raw().toString()).doesNotContain("profile-secret");
  }

  @Test
  void ourSettingsThenTemporalVariablesWinOverTheProfile() throws IOException {
    Path file = profileFile();

    ConfigLoadResult result =
        Settings.load(
            Map.of(
                "TEMPORAL_CONFIG_FILE", file.toString(),
                "TEMPORAL_PROFILE", "x",
                "TEMPORAL_NAMESPACE", "ours",
                "TEMPORAL_ADDRESS", "127.0.0.1:7555"));

    Connection connection = result.config().orElseThrow().connection();
    assertThat(connection.namespace()).isEqualTo("ours");
    assertThat(connection.target()).isEqualTo("127.0.0.1:7555");
  }

  @Test
  void unknownProfileIsAnErrorNamingIt() throws IOException {
    Path file = profileFile();

    assertThat(
            Settings.problems(
                Map.of("TEMPORAL_CONFIG_FILE", file.toString(), "TEMPORAL_PROFILE", "nope")))
        .containsExactly("TEMPORAL_PROFILE must be a profile of " + file + ", got 'nope'");
  }

  @Test
  void missingConfigFileIsAnErrorNamingIt() {
    String missing = dir.resolve("absent.toml").toString();

    assertThat(Settings.problems(Map.of("TEMPORAL_CONFIG_FILE", missing)))
        .containsExactly(
            "TEMPORAL_CONFIG_FILE must be an existing TOML file, got '" + missing + "'");
  }

  @Test
  void defaultProfileOfTheDefaultFileIsReadWhenNothingNamesOne() throws IOException {
    Path file = profileFile();
    var loader =
        new TemporalConfigLoader(
            Map.of(), Optional.empty(), ConfigFactory.empty(), Optional.of(file));

    ConfigLoadResult result = loader.load();

    assertThat(result.config().orElseThrow().connection().target()).isEqualTo("default-host:7333");
  }

  private Path profileFile() throws IOException {
    return Files.writeString(
        dir.resolve("temporal.toml"),
        """
        [profile.default]
        address = "default-host:7333"

        [profile.x]
        address = "10.1.2.3:7444"
        namespace = "from-profile"
        api_key = "profile-secret"
        """);
  }
}
