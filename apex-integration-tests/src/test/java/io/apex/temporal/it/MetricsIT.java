package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.DevServerTarget;
import io.apex.temporal.it.support.EmbeddedServerTarget;
import io.apex.temporal.it.support.HeldActivity;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.it.support.MetricsScrape;
import io.apex.temporal.it.support.TemporalTarget;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.worker.polling.DrainOutcome;
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

  @Test
  void metricsShowCompletedWorkflowsLatencyHistogramsAndSlotGauges() throws Exception {
    String queue = uniqueQueue("metrics");
    WorkerRuntime worker = startWorker(queue, WorkflowCatalog.standard());
    for (int i = 0; i < WORKFLOWS; i++) {
      greeting(queue, queue + "-" + i).greet("Metric " + i);
    }
    MetricsScrape metrics = new MetricsScrape(worker.metricsPort());
    String onQueue = "task_queue=\"" + queue + "\"";

    Deadline.require(WAIT, "temporal_workflow_completed_total >= " + WORKFLOWS, () ->
        metrics.sum("temporal_workflow_completed_total", onQueue,
            "workflow_type=\"GreetingWorkflow\"").orElse(0) >= WORKFLOWS);
    assertThat(metrics.samples("temporal_activity_execution_latency_seconds_bucket", onQueue,
        "activity_type=\"greet_activity\"", "le=\"+Inf\"")).isNotEmpty();
    assertThat(metrics.sum("temporal_activity_execution_latency_seconds_count", onQueue,
        "activity_type=\"greet_activity\"").orElse(0)).isGreaterThanOrEqualTo(WORKFLOWS);
    assertThat(metrics.samples("temporal_workflow_endtoend_latency_seconds_bucket", onQueue))
        .isNotEmpty();
    assertThat(metrics.samples("temporal_worker_task_slots_available", onQueue,
        "worker_type=\"ActivityWorker\"")).isNotEmpty();
    assertThat(metrics.samples("temporal_worker_task_slots_used", onQueue,
        "worker_type=\"WorkflowWorker\"")).isNotEmpty();
    assertThat(metrics.samples("jvm_memory_used_bytes")).isNotEmpty();
  }

  @Test
  void readyzIs503BeforeTheWorkerPollsAndDuringTheDrainAnd200InBetween() throws Exception {
    String queue = uniqueQueue("ready");
    int metricsPort = FreePorts.next();
    HeldActivity held = new HeldActivity();
    MetricsScrape probes = new MetricsScrape(metricsPort);
    target.stop();
    CompletableFuture<WorkerRuntime> starting = CompletableFuture.supplyAsync(() -> {
      try {
        return startWorker(queue, WorkflowCatalog.standard().withActivities(held),
            Map.of("TEMPORAL_METRICS_PORT", String.valueOf(metricsPort)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      Deadline.require(WAIT, "/readyz to answer 503 while the server is down",
          () -> probes.status("/readyz") == 503);
      assertThat(probes.status("/healthz")).isEqualTo(200);
    } finally {
      target.start();
    }
    WorkerRuntime worker = starting.get(60, TimeUnit.SECONDS);
    Deadline.require(WAIT, "/readyz to answer 200 once polling", () -> probes.status("/readyz") == 200);

    WorkflowClient.start(greeting(queue, queue)::greet, "Drain");
    held.awaitStarted(1, WAIT);
    CompletableFuture<DrainOutcome> stopping = CompletableFuture.supplyAsync(worker::stop);
    Deadline.require(WAIT, "/readyz to answer 503 during the drain",
        () -> probes.status("/readyz") == 503);
    assertThat(stopping).isNotDone();
    held.release();
    assertThat(stopping.get(30, TimeUnit.SECONDS).clean()).isTrue();
  }

  @DisplayName("worker metrics and probes on the embedded Java test server")
  static class OnEmbeddedServer extends MetricsIT {
    @Override
    protected TemporalTarget newTarget() {
      return new EmbeddedServerTarget();
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
