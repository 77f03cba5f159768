package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.it.support.MutualTlsTestServer;
import io.apex.temporal.it.support.PemCertificate;
import io.apex.temporal.testkit.CliResult;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker reads Temporal's own client configuration: a profile that the real {@code temporal}
 * CLI wrote with {@code temporal config set}, and {@code TEMPORAL_ADDRESS}.
 */
@DisplayName("Temporal's client configuration, against temporal server start-dev")
class TemporalClientConfigurationIT extends IntegrationTest {
  @TempDir Path dir;

  @Override
  protected TemporalTarget newTarget() {
    return new DevServerTarget();
  }

  @Test
  void profileWrittenByTheCliPointsTheWorkerAtTheDevServer() throws Exception {
    Path profiles = dir.resolve("temporal.toml");
    setProfile(profiles, "x", "address", "127.0.0.1:" + target.port());
    setProfile(profiles, "x", "namespace", "default");

    TemporalConfig config =
        workerSettings(
            "profile-queue",
            Map.of("TEMPORAL_CONFIG_FILE", profiles.toString(), "TEMPORAL_PROFILE", "x"));

    assertThat(config.connection().target()).isEqualTo("127.0.0.1:" + target.port());
    assertGreets(config);
  }

  @Test
  void temporalAddressPointsTheWorkerAtTheDevServer() throws Exception {
    TemporalConfig config =
        workerSettings("address-queue", Map.of("TEMPORAL_ADDRESS", "127.0.0.1:" + target.port()));

    assertThat(config.connection().target()).isEqualTo("127.0.0.1:" + target.port());
    assertGreets(config);
  }

  @Test
  void apiKeyAndTlsFromAProfileReachAMutualTlsServer() throws Exception {
    PemCertificate serverCertificate = PemCertificate.create(dir, "server");
    PemCertificate clientCertificate = PemCertificate.create(dir, "client");
    try (MutualTlsTestServer tlsServer =
        new MutualTlsTestServer(serverCertificate, clientCertificate)) {
      Path profiles = dir.resolve("tls.toml");
      setProfile(profiles, "cloud", "address", "127.0.0.1:" + tlsServer.port());
      setProfile(profiles, "cloud", "api_key", "profile-api-key");
      setProfile(
          profiles, "cloud", "tls.client_cert_path", clientCertificate.certificate().toString());
      setProfile(
          profiles, "cloud", "tls.client_key_path", clientCertificate.privateKey().toString());
      setProfile(
          profiles, "cloud", "tls.server_ca_cert_path", serverCertificate.certificate().toString());

      TemporalConfig config =
          workerSettings(
              "tls-profile-queue",
              Map.of("TEMPORAL_CONFIG_FILE", profiles.toString(), "TEMPORAL_PROFILE", "cloud"));

      assertThat(config.connection().apiKey()).isPresent();
      assertThat(config.connection().tls().orElseThrow().mutual()).isTrue();
      assertGreets(config);
    }
  }

  private void setProfile(Path file, String profile, String property, String value) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ((DevServerTarget) target).server().cli().toString(),
                "config",
                "set",
                "--config-file",
                file.toString(),
                "--profile",
                profile,
                "--prop",
                property,
                "--value",
                value));
    CliResult result = CliResult.run(command, Duration.ofSeconds(30));
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  /** Only Temporal's configuration says where the server is: none of our connection settings. */
  private static TemporalConfig workerSettings(
      String taskQueue, Map<String, String> temporalSettings) {
    return SettingsMap.of(
            Map.of(
                "TEMPORAL_TASK_QUEUE",
                taskQueue,
                "TEMPORAL_METRICS_PORT",
                String.valueOf(FreePorts.next()),
                "TEMPORAL_EMBEDDED_SERVER",
                "never",
                "TEMPORAL_CONNECT_TIMEOUT",
                "20s"))
        .with(temporalSettings)
        .config();
  }

  private static void assertGreets(TemporalConfig config) throws Exception {
    String taskQueue = config.runtime().taskQueue();
    try (WorkerRuntime worker = new WorkerRuntime(config, WorkflowCatalog.standard())) {
      worker.start();
      GreetingWorkflow workflow =
          worker
              .client()
              .newWorkflowStub(
                  GreetingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(taskQueue)
                      .setWorkflowId(taskQueue + "-greeting")
                      .build());

      assertThat(workflow.greet("Profile"))
          .isEqualTo("Hello, Profile! Welcome to Apex Memory System with Temporal.io!");
    }
  }
}
