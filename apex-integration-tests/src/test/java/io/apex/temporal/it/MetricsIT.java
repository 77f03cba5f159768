package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.it.support.MetricsScrape;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.HeldActivity;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.worker.runtime.DrainOutcome;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

abstract class MetricsIT extends IntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int WORKFLOWS = 5;

  /** Limits unlike any default, so that a gauge reading the default could not pass. */
  private static final int MAX_ACTIVITIES = 7;

  private static final int MAX_WORKFLOW_TASKS = 3;

  @Test
  void metricsCountEachWorkflowAndActivityOnceAndSlotGaugesAddUpToTheLimits() throws Exception {
    String queue = uniqueQueue("metrics");
    WorkerRuntime worker =
        startWorker(
            queue,
            WorkflowCatalog.standard(),
            Map.of(
                "TEMPORAL_MAX_ACTIVITIES", String.valueOf(MAX_ACTIVITIES),
                "TEMPORAL_MAX_WORKFLOW_TASKS", String.valueOf(MAX_WORKFLOW_TASKS)));
    for (int i = 0; i < WORKFLOWS; i++) {
      greeting(queue, queue + "-" + i).greet("Metric " + i);
    }
    MetricsScrape metrics = new MetricsScrape(worker.metricsPort());
    String onQueue = "task_queue=\"" + queue + "\"";
    String greetActivity = "activity_type=\"greet_activity\"";

    Deadline.require(
        WAIT,
        "temporal_workflow_completed_total >= " + WORKFLOWS,
        () ->
            metrics
                    .sum(
                        "temporal_workflow_completed_total",
                        onQueue,
                        "workflow_type=\"GreetingWorkflow\"")
                    .orElse(0)
                >= WORKFLOWS);
    // Exactly the number run: a double count fails here.
    assertThat(
            metrics.sum(
                "temporal_workflow_completed_total", onQueue, "workflow_type=\"GreetingWorkflow\""))
        .hasValue(WORKFLOWS);
    assertThat(
            metrics.sum(
                "temporal_activity_execution_latency_seconds_count", onQueue, greetActivity))
        .hasValue(WORKFLOWS);
    assertThat(
            metrics.sum(
                "temporal_activity_execution_latency_seconds_bucket",
                onQueue,
                greetActivity,
                "le=\"+Inf\""))
        .hasValue(WORKFLOWS);
    assertThat(
            metrics.sum(
                "temporal_workflow_endtoend_latency_seconds_count",
                onQueue,
                "workflow_type=\"GreetingWorkflow\""))
        .hasValue(WORKFLOWS);
    assertThat(
            metrics.sum(
                "temporal_workflow_endtoend_latency_seconds_bucket",
                onQueue,
                "workflow_type=\"GreetingWorkflow\"",
                "le=\"+Inf\""))
        .hasValue(WORKFLOWS);
    assertThat(metrics.sum("temporal_activity_execution_failed_total", onQueue).orElse(0)).isZero();

    // Idle now: no slot in use, and used plus available is the configured limit.
    assertSlots(metrics, onQueue, "ActivityWorker", MAX_ACTIVITIES);
    assertSlots(metrics, onQueue, "WorkflowWorker", MAX_WORKFLOW_TASKS);
    assertThat(metrics.sum("jvm_memory_used_bytes").orElse(0)).isPositive();
  }

  private static void assertSlots(
      MetricsScrape metrics, String onQueue, String workerType, int limit) {
    String type = "worker_type=\"" + workerType + "\"";
    Deadline.require(
        WAIT,
        workerType + " slots to be free",
        () -> metrics.sum("temporal_worker_task_slots_used", onQueue, type).orElse(-1) == 0);
    assertThat(metrics.sum("temporal_worker_task_slots_available", onQueue, type))
        .as("%s slots available", workerType)
        .hasValue(limit);
  }

  @Test
  void readyzIs503BeforeTheWorkerPollsAndDuringTheDrainAnd200InBetween() throws Exception {
    String queue = uniqueQueue("ready");
    int metricsPort = FreePorts.next();
    HeldActivity held = new HeldActivity();
    MetricsScrape probes = new MetricsScrape(metricsPort);
    target.stop();
    CompletableFuture<WorkerRuntime> starting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return startWorker(
                    queue,
                    WorkflowCatalog.standard().withActivities(held),
                    Map.of(
                        "TEMPORAL_METRICS_PORT",
                        String.valueOf(metricsPort),
                        "TEMPORAL_MAX_ACTIVITIES",
                        String.valueOf(MAX_ACTIVITIES)));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      Deadline.require(
          WAIT,
          "/readyz to answer 503 while the server is down",
          () -> probes.status("/readyz") == 503);
      assertThat(probes.status("/healthz")).isEqualTo(200);
    } finally {
      target.start();
    }
    WorkerRuntime worker = starting.get(60, TimeUnit.SECONDS);
    Deadline.require(
        WAIT, "/readyz to answer 200 once polling", () -> probes.status("/readyz") == 200);

    WorkflowClient.start(greeting(queue, queue)::greet, "Drain");
    held.awaitStarted(1, WAIT);
    // One activity in flight: one slot used, the rest of the limit available.
    String activitySlots = "worker_type=\"ActivityWorker\"";
    String onQueue = "task_queue=\"" + queue + "\"";
    Deadline.require(
        WAIT,
        "one activity slot in use",
        () ->
            probes.sum("temporal_worker_task_slots_used", onQueue, activitySlots).orElse(-1) == 1);
    assertThat(probes.sum("temporal_worker_task_slots_available", onQueue, activitySlots))
        .hasValue(MAX_ACTIVITIES - 1);
    CompletableFuture<DrainOutcome> stopping = CompletableFuture.supplyAsync(worker::drain);
    Deadline.require(
        WAIT, "/readyz to answer 503 during the drain", () -> probes.status("/readyz") == 503);
    assertThat(stopping).isNotDone();
    held.release();
    assertThat(stopping.get(30, TimeUnit.SECONDS).clean()).isTrue();
  }

  @DisplayName("worker metrics and probes on the embedded Java test server")
  static class OnEmbeddedServer extends MetricsIT {
    @Override
    protected TemporalTarget newTarget() {
      return embeddedServer();
    }
  }

  @DisplayName("worker metrics and probes on temporal server start-dev")
  static class OnDevServer extends MetricsIT {
    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }
  }
}
