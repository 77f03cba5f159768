package io.apex.temporal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemporalConfigDefaultsTest {
  private final TemporalConfig config = Settings.valid(Map.of());

  @Test
  void connectionDefaultsToLocalhost7233InTheDefaultNamespace() {
    assertThat(config.connection().host()).isEqualTo("localhost");
    assertThat(config.connection().port()).isEqualTo(7233);
    assertThat(config.connection().target()).isEqualTo("localhost:7233");
    assertThat(config.connection().namespace()).isEqualTo("default");
    assertThat(config.connection().tls()).isEmpty();
    assertThat(config.connection().apiKey()).isEmpty();
    assertThat(config.connection().connectTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void workerDefaultsToTheIngestionQueueWithTheSpecifiedLimits() {
    assertThat(config.runtime().taskQueue()).isEqualTo("apex-ingestion-queue");
    assertThat(config.runtime().metricsPort()).isEqualTo(8078);
    assertThat(config.runtime().embeddedServer()).isEqualTo(EmbeddedServerMode.AUTO);
    assertThat(config.runtime().drainTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.limits().maxWorkflowTasks()).isEqualTo(100);
    assertThat(config.limits().maxActivities()).isEqualTo(200);
    assertThat(config.limits().workflowPollers()).isEqualTo(32);
    assertThat(config.limits().activityPollers()).isEqualTo(16);
    assertThat(config.limits().workflowCacheSize()).isEqualTo(600);
  }

  @Test
  void versioningIsOffAndNamesTheIngestionDeploymentAtV100() {
    assertThat(config.versioning())
        .isEqualTo(new Versioning(false, "apex-ingestion-service", "v1.0.0"));
  }

  @Test
  void rolloutIsEnabledAtZeroPercentSoTemporalIsNotUsed() {
    assertThat(config.rollout()).isEqualTo(new Rollout(true, 0));
    assertThat(config.rollout().useTemporal()).isFalse();
  }

  @Test
  void tracingIsOffWithoutAnEndpoint() {
    assertThat(config.tracing().enabled()).isFalse();
    assertThat(config.tracing().endpoint()).isEmpty();
    assertThat(config.tracing().protocol()).isEqualTo(TracingProtocol.GRPC);
  }

  @Test
  void everyDefaultComesFromReferenceConf() {
    ConfigLoadResult result = Settings.load(Map.of());
    for (Setting setting : Setting.values()) {
      result
          .raw()
          .get(setting)
          .ifPresent(raw -> assertThat(raw.source()).isEqualTo(Source.DEFAULT));
    }
  }
}
