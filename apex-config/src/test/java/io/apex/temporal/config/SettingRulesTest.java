package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"TEMPORAL_PORT", "TEMPORAL_METRICS_PORT"})
  void portsAcceptOneTo65535(String variable) {
    assertThat(Settings.problems(Map.of(variable, "1"))).isEmpty();
    assertThat(Settings.problems(Map.of(variable, "65535"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "TEMPORAL_PORT,0",
    "TEMPORAL_PORT,65536",
    "TEMPORAL_PORT,abc",
    "TEMPORAL_PORT,-1",
    "TEMPORAL_METRICS_PORT,0",
    "TEMPORAL_METRICS_PORT,65536",
    "TEMPORAL_METRICS_PORT,8078.5"
  })
  void portsOutsideOneTo65535AreRejectedNamingVariableAndValue(String variable, String value) {
    assertThat(Settings.problems(Map.of(variable, value)))
        .containsExactly(variable + " must be an integer 1-65535, got '" + value + "'");
  }

  @Test
  void portIsTheSecondHalfOfTheTarget() {
    TemporalConfig config =
        Settings.valid(Map.of("TEMPORAL_HOST", "temporal.internal", "TEMPORAL_PORT", "65535"));
    assertThat(config.connection().target()).isEqualTo("temporal.internal:65535");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 50, 100})
  void rolloutAcceptsZeroToOneHundred(int percentage) {
    TemporalConfig config = Settings.valid(Map.of("TEMPORAL_ROLLOUT", String.valueOf(percentage)));
    assertThat(config.rollout().percentage()).isEqualTo(percentage);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "101", "150", "half"})
  void rolloutOutsideZeroToOneHundredIsRejected(String value) {
    assertThat(Settings.problems(Map.of("TEMPORAL_ROLLOUT", value)))
        .containsExactly("TEMPORAL_ROLLOUT must be an integer 0-100, got '" + value + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TEMPORAL_MAX_WORKFLOW_TASKS", "TEMPORAL_MAX_ACTIVITIES"})
  void concurrencyLimitsAcceptOneAndRejectZero(String variable) {
    assertThat(Settings.problems(Map.of(variable, "1"))).isEmpty();
    assertThat(Settings.problems(Map.of(variable, "0")))
        .containsExactly(variable + " must be an integer 1-10000, got '0'");
    assertThat(Settings.problems(Map.of(variable, "many")))
        .containsExactly(variable + " must be an integer 1-10000, got 'many'");
  }

  @Test
  void concurrencyLimitsReachTheConfiguration() {
    TemporalConfig config =
        Settings.valid(Map.of("TEMPORAL_MAX_WORKFLOW_TASKS", "7", "TEMPORAL_MAX_ACTIVITIES", "9"));
    assertThat(config.limits().maxWorkflowTasks()).isEqualTo(7);
    assertThat(config.limits().maxActivities()).isEqualTo(9);
  }

  @ParameterizedTest
  @CsvSource({
    "true,true",
    "TRUE,true",
    "yes,true",
    "1,true",
    "on,true",
    "false,false",
    "False,false",
    "no,false",
    "0,false",
    "off,false"
  })
  void booleansAcceptTheUsualSpellings(String value, boolean expected) {
    assertThat(Settings.valid(Map.of("TEMPORAL_ENABLED", value)).rollout().enabled())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"TEMPORAL_ENABLED", "TEMPORAL_ENABLE_TRACING", "TEMPORAL_WORKER_VERSIONING"})
  void nonBooleansAreRejected(String variable) {
    assertThat(Settings.problems(Map.of(variable, "maybe")))
        .containsExactly(variable + " must be a boolean (true or false), got 'maybe'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "TEMPORAL_HOST",
        "TEMPORAL_NAMESPACE",
        "TEMPORAL_TASK_QUEUE",
        "TEMPORAL_WORKER_BUILD_ID",
        "TEMPORAL_DEPLOYMENT_NAME"
      })
  void namesMustNotBeEmptyOrBlank(String variable) {
    assertThat(Settings.problems(Map.of(variable, "")))
        .containsExactly(variable + " must be non-empty, got ''");
    assertThat(Settings.problems(Map.of(variable, "   ")))
        .containsExactly(variable + " must be non-empty, got ''");
  }

  @Test
  void valuesAreTrimmed() {
    assertThat(Settings.valid(Map.of("TEMPORAL_PORT", " 7234 ")).connection().port())
        .isEqualTo(7234);
  }

  @ParameterizedTest
  @CsvSource({"500ms,PT0.5S", "30s,PT30S", "45,PT45S", "2m,PT2M", "1h,PT1H", "0s,PT0S"})
  void durationsAcceptMillisecondsSecondsMinutesAndHours(String value, Duration expected) {
    TemporalConfig config =
        Settings.valid(Map.of("TEMPORAL_DRAIN_TIMEOUT", value, "TEMPORAL_CONNECT_TIMEOUT", value));
    assertThat(config.runtime().drainTimeout()).isEqualTo(expected);
    assertThat(config.connection().connectTimeout()).isEqualTo(expected);
  }

  @Test
  void durationsWithoutAKnownUnitAreRejected() {
    assertThat(Settings.problems(Map.of("TEMPORAL_DRAIN_TIMEOUT", "ten seconds")))
        .containsExactly(
            "TEMPORAL_DRAIN_TIMEOUT must be a duration from 0s to 1h, such as 500ms, 30s or 2m,"
                + " got 'ten seconds'");
  }

  @Test
  void embeddedServerModeIsAutoAlwaysOrNever() {
    assertThat(
            Settings.valid(Map.of("TEMPORAL_EMBEDDED_SERVER", "Never")).runtime().embeddedServer())
        .isEqualTo(EmbeddedServerMode.NEVER);
    assertThat(Settings.problems(Map.of("TEMPORAL_EMBEDDED_SERVER", "sometimes")))
        .containsExactly(
            "TEMPORAL_EMBEDDED_SERVER must be one of auto, always, never," + " got 'sometimes'");
  }

  @Test
  void everyBadSettingIsReportedAtOnce() {
    assertThat(
            Settings.problems(
                Map.of(
                    "TEMPORAL_PORT",
                    "abc",
                    "TEMPORAL_ROLLOUT",
                    "150",
                    "TEMPORAL_ENABLED",
                    "perhaps",
                    "TEMPORAL_MAX_ACTIVITIES",
                    "0")))
        .containsExactlyInAnyOrder(
            "TEMPORAL_PORT must be an integer 1-65535, got 'abc'",
            "TEMPORAL_ROLLOUT must be an integer 0-100, got '150'",
            "TEMPORAL_ENABLED must be a boolean (true or false), got 'perhaps'",
            "TEMPORAL_MAX_ACTIVITIES must be an integer 1-10000, got '0'");
  }

  @Test
  void tracingNeedsAnEndpointWhenOn() {
    assertThat(Settings.problems(Map.of("TEMPORAL_ENABLE_TRACING", "true")))
        .containsExactly(
            "TEMPORAL_TRACING_ENDPOINT must be set when TEMPORAL_ENABLE_TRACING is"
                + " true, got ''");
    TemporalConfig config =
        Settings.valid(
            Map.of(
                "TEMPORAL_ENABLE_TRACING",
                "true",
                "TEMPORAL_TRACING_ENDPOINT",
                "http://collector:4317"));
    assertThat(config.tracing().endpoint())
        .hasValueSatisfying(uri -> assertThat(uri.getHost()).isEqualTo("collector"));
  }

  @Test
  void tracingProtocolIsGrpcOrHttp() {
    assertThat(Settings.valid(Map.of("TEMPORAL_TRACING_PROTOCOL", "http")).tracing().protocol())
        .isEqualTo(TracingProtocol.HTTP);
    assertThat(Settings.problems(Map.of("TEMPORAL_TRACING_PROTOCOL", "carrier-pigeon")))
        .containsExactly(
            "TEMPORAL_TRACING_PROTOCOL must be one of grpc, http, got 'carrier-pigeon'");
  }

  @Test
  void tracingEndpointMustBeAnAbsoluteUrl() {
    assertThat(Settings.problems(Map.of("TEMPORAL_TRACING_ENDPOINT", "collector")))
        .containsExactly(
            "TEMPORAL_TRACING_ENDPOINT must be an absolute URL such as"
                + " http://localhost:4317, got 'collector'");
  }

  @Test
  void tlsCertificateAndKeyAreAcceptedTogether(@TempDir Path dir) throws IOException {
    Path cert = Files.writeString(dir.resolve("client.pem"), "cert");
    Path key = Files.writeString(dir.resolve("client.key"), "key");
    TemporalConfig config =
        Settings.valid(
            Map.of(
                "TEMPORAL_TLS_CERT_PATH",
                cert.toString(),
                "TEMPORAL_TLS_KEY_PATH",
                key.toString()));
    assertThat(config.connection().tls())
        .hasValueSatisfying(
            tls -> {
              assertThat(tls.mutual()).isTrue();
              assertThat(tls.certPath()).contains(cert);
              assertThat(tls.keyPath()).contains(key);
              assertThat(tls.caPath()).isEmpty();
            });
  }

  @Test
  void tlsCertificateWithoutKeyIsRejected(@TempDir Path dir) throws IOException {
    Path cert = Files.writeString(dir.resolve("client.pem"), "cert");
    assertThat(Settings.problems(Map.of("TEMPORAL_TLS_CERT_PATH", cert.toString())))
        .containsExactly(
            "TEMPORAL_TLS_KEY_PATH must be set when TEMPORAL_TLS_CERT_PATH is set," + " got ''");
  }

  @Test
  void tlsKeyWithoutCertificateIsRejected(@TempDir Path dir) throws IOException {
    Path key = Files.writeString(dir.resolve("client.key"), "key");
    assertThat(Settings.problems(Map.of("TEMPORAL_TLS_KEY_PATH", key.toString())))
        .containsExactly(
            "TEMPORAL_TLS_CERT_PATH must be set when TEMPORAL_TLS_KEY_PATH is set," + " got ''");
  }

  @Test
  void missingTlsFilesAreRejectedByName(@TempDir Path dir) {
    String missing = dir.resolve("nope.pem").toString();
    assertThat(
            Settings.problems(
                Map.of(
                    "TEMPORAL_TLS_CERT_PATH",
                    missing,
                    "TEMPORAL_TLS_KEY_PATH",
                    missing,
                    "TEMPORAL_TLS_CA_PATH",
                    dir.toString())))
        .containsExactlyInAnyOrder(
            "TEMPORAL_TLS_CERT_PATH must be a readable file, got '" + missing + "'",
            "TEMPORAL_TLS_KEY_PATH must be a readable file, got '" + missing + "'",
            "TEMPORAL_TLS_CA_PATH must be a readable file, got '" + dir + "'");
  }

  @Test
  void caAloneTrustsAServerWithoutAClientCertificate(@TempDir Path dir) throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "ca");
    TemporalConfig config = Settings.valid(Map.of("TEMPORAL_TLS_CA_PATH", ca.toString()));
    assertThat(config.connection().tls())
        .hasValueSatisfying(
            tls -> {
              assertThat(tls.mutual()).isFalse();
              assertThat(tls.caPath()).contains(ca);
            });
  }
}
