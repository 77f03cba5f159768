package io.apex.temporal.worker.internal.polling;

import io.apex.temporal.config.Versioning;
import io.apex.temporal.config.WorkerLimits;
import io.temporal.common.VersioningBehavior;
import io.temporal.common.WorkerDeploymentVersion;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.WorkerDeploymentOptions;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;

/** Turns the worker settings into the SDK's factory and worker options. */
public final class WorkerOptionsFactory {
  private WorkerOptionsFactory() {}

  public static WorkerFactoryOptions factoryOptions(
      WorkerLimits limits, List<WorkerInterceptor> interceptors) {
    return WorkerFactoryOptions.newBuilder()
        .setWorkflowCacheSize(limits.workflowCacheSize())
        .setWorkerInterceptors(interceptors.toArray(WorkerInterceptor[]::new))
        .build();
  }

  /**
   * @param stickyExecution whether to keep workflows cached on this worker between tasks; off only
   *     for a server that cannot hand a stopped worker's cached workflows to another worker
   */
  public static WorkerOptions workerOptions(
      WorkerLimits limits, Versioning versioning, boolean stickyExecution) {
    WorkerOptions.Builder options =
        WorkerOptions.newBuilder()
            .setMaxConcurrentWorkflowTaskExecutionSize(limits.maxWorkflowTasks())
            .setMaxConcurrentActivityExecutionSize(limits.maxActivities())
            .setMaxConcurrentWorkflowTaskPollers(limits.workflowPollers())
            .setMaxConcurrentActivityTaskPollers(limits.activityPollers());
    if (!stickyExecution) {
      // A zero schedule-to-start timeout tells the SDK not to ask for sticky dispatch at all.
      options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    if (versioning.enabled()) {
      options.setDeploymentOptions(
          WorkerDeploymentOptions.newBuilder()
              .setUseVersioning(true)
              .setVersion(
                  new WorkerDeploymentVersion(versioning.deploymentName(), versioning.buildId()))
              // Ingestion workflows are short: each finishes on the build that started it.
              .setDefaultVersioningBehavior(VersioningBehavior.PINNED)
              .build());
    }
    return options.build();
  }
}
