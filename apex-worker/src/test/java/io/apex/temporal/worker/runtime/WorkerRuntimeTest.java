package io.apex.temporal.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.HeldActivity;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WorkerRuntime on the embedded Java test server")
class WorkerRuntimeTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final HttpClient http = HttpClient.newHttpClient();
  private final HeldActivity held = new HeldActivity();
  private WorkerRuntime runtime;

  @AfterEach
  void stop() {
    held.release();
    if (runtime != null) {
      runtime.stop();
    }
  }

  private WorkerRuntime start(TemporalConfig config, WorkflowCatalog catalog) throws Exception {
    runtime = new WorkerRuntime(config, catalog);
    runtime.start();
    return runtime;
  }

  private TemporalConfig config(String taskQueue, String drainTimeout) {
    return SettingsMap.ownEmbeddedServer()
        .with(Map.of("TEMPORAL_TASK_QUEUE", taskQueue, "TEMPORAL_DRAIN_TIMEOUT", drainTimeout))
        .config();
  }

  private GreetingWorkflow workflow(String taskQueue, String id) {
    return runtime
        .client()
        .newWorkflowStub(
            GreetingWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(id).build());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.metricsPort() + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void startsTheEmbeddedServerWhenNothingAnswersAndServesGreetings() throws Exception {
    start(config("runtime-greet", "5s"), WorkflowCatalog.standard());

    assertThat(workflow("runtime-greet", "hello").greet("World"))
        .isEqualTo("Hello, World! Welcome to Apex Memory System with Temporal.io!");
    assertThat(runtime.readiness().ready()).isTrue();
  }

  @Test
  void metricsCountCompletedWorkflowsOfTheTaskQueue() throws Exception {
    start(config("runtime-metrics", "5s"), WorkflowCatalog.standard());
    for (int i = 0; i < 3; i++) {
      workflow("runtime-metrics", "metrics-" + i).greet("n" + i);
    }

    Deadline.require(
        WAIT,
        "temporal_workflow_completed_total to reach 3",
        () -> {
          try {
            return get("/metrics")
                .body()
                .lines()
                .anyMatch(
                    line ->
                        line.startsWith("temporal_workflow_completed_total{")
                            && line.contains("task_queue=\"runtime-metrics\"")
                            && line.contains("workflow_type=\"GreetingWorkflow\"")
                            && line.endsWith(" 3.0"));
          } catch (Exception e) {
            return false;
          }
        });
    String metrics = get("/metrics").body();
    assertThat(metrics)
        .contains(
            "jvm_memory_used_bytes",
            "process_cpu_usage",
            "temporal_activity_execution_latency_seconds_bucket",
            "apex_worker_ready 1.0");
  }

  @Test
  void shutdownDrainsInFlightActivity() throws Exception {
    start(config("runtime-drain", "20s"), WorkflowCatalog.standard().withActivities(held));
    WorkflowClient.start(workflow("runtime-drain", "drain")::greet, "Drain");
    held.awaitStarted(1, WAIT);

    CompletableFuture<DrainOutcome> stopping = CompletableFuture.supplyAsync(runtime::drain);
    Deadline.require(
        WAIT, "readiness to drop during the drain", () -> !runtime.readiness().ready());
    assertThat(stopping).isNotDone();
    assertThat(runtime.inFlightActivities()).isEqualTo(1);

    held.release();
    DrainOutcome outcome = stopping.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(outcome.clean()).isTrue();
    assertThat(held.completed()).isEqualTo(1);
    assertThat(held.interrupted()).isZero();
  }

  @Test
  void drainTimeoutInterruptsAnActivityThatOverstays() throws Exception {
    start(config("runtime-overstay", "1s"), WorkflowCatalog.standard().withActivities(held));
    WorkflowClient.start(workflow("runtime-overstay", "overstay")::greet, "Slow");
    held.awaitStarted(1, WAIT);

    DrainOutcome outcome = runtime.drain();

    assertThat(outcome.clean()).isFalse();
    assertThat(outcome.interruptedActivities()).isEqualTo(1);
    assertThat(outcome.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    Deadline.require(
        WAIT, "the overstaying activity to record its interrupt", () -> held.interrupted() > 0);
    assertThat(held.interrupted()).isEqualTo(1);
    held.release();
    assertThat(held.completed()).isZero();
  }
}
