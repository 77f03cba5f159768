package io.apex.temporal.worker.internal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.config.Versioning;
import io.apex.temporal.config.WorkerLimits;
import io.temporal.common.VersioningBehavior;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerOptionsFactoryTest {
  private static final WorkerLimits LIMITS = new WorkerLimits(7, 11, 3, 4, 50);

  @Test
  void appliesTheConcurrencyLimitsAndPollers() {
    WorkerOptions options =
        WorkerOptionsFactory.workerOptions(
            LIMITS, new Versioning(false, "apex-ingestion-service", "v1.0.0"), true);
    assertThat(options.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(7);
    assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(11);
    assertThat(options.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(3);
    assertThat(options.getMaxConcurrentActivityTaskPollers()).isEqualTo(4);
  }

  @Test
  void versioningIsOffUnlessEnabled() {
    WorkerOptions options =
        WorkerOptionsFactory.workerOptions(
            LIMITS, new Versioning(false, "apex-ingestion-service", "v1.0.0"), true);
    assertThat(options.getDeploymentOptions()).isNull();
  }

  @Test
  void enabledVersioningNamesTheDeploymentAndBuildAndPinsWorkflows() {
    WorkerOptions options =
        WorkerOptionsFactory.workerOptions(
            LIMITS, new Versioning(true, "apex-ingestion-service", "v2.3.4"), true);
    assertThat(options.getDeploymentOptions().isUsingVersioning()).isTrue();
    assertThat(options.getDeploymentOptions().getVersion().getDeploymentName())
        .isEqualTo("apex-ingestion-service");
    assertThat(options.getDeploymentOptions().getVersion().getBuildId()).isEqualTo("v2.3.4");
    assertThat(options.getDeploymentOptions().getDefaultVersioningBehavior())
        .isEqualTo(VersioningBehavior.PINNED);
  }

  @Test
  void stickyExecutionIsOnUnlessTurnedOff() {
    Versioning off = new Versioning(false, "d", "b");
    assertThat(
            WorkerOptionsFactory.workerOptions(LIMITS, off, true)
                .getStickyQueueScheduleToStartTimeout())
        .isNotEqualTo(Duration.ZERO);
    assertThat(
            WorkerOptionsFactory.workerOptions(LIMITS, off, false)
                .getStickyQueueScheduleToStartTimeout())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void factoryOptionsSizeTheWorkflowCache() {
    assertThat(
            WorkerOptionsFactory.factoryOptions(LIMITS, java.util.List.of(new InFlightActivities()))
                .getWorkflowCacheSize())
        .isEqualTo(50);
  }
}
