package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.it.support.OtlpGrpcReceiver;
import io.apex.temporal.it.support.OtlpHttpReceiver;
import io.apex.temporal.it.support.OtlpReceiver;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, the worker exports spans of the workflow and its activity over OTLP, by each
 * protocol it offers: gRPC (the default) and HTTP.
 */
@DisplayName("tracing over OTLP/gRPC and OTLP/HTTP on temporal server start-dev")
class TracingIT extends IntegrationTest {
  private static final List<String> SPANS =
      List.of(
          "StartWorkflow:GreetingWorkflow",
          "RunWorkflow:GreetingWorkflow",
          "StartActivity:greet_activity",
          "RunActivity:greet_activity");

  @Override
  protected TemporalTarget newTarget() {
    return new DevServerTarget();
  }

  @Test
  void tracedWorkerExportsWorkflowAndActivitySpansOverOtlpGrpc() throws Exception {
    try (OtlpReceiver collector = new OtlpGrpcReceiver()) {
      assertSpansArrive(collector);
    }
  }

  @Test
  void tracedWorkerExportsWorkflowAndActivitySpansOverOtlpHttp() throws Exception {
    try (OtlpReceiver collector = new OtlpHttpReceiver()) {
      assertSpansArrive(collector);
    }
  }

  private void assertSpansArrive(OtlpReceiver collector) throws Exception {
    String queue = uniqueQueue("traced-" + collector.protocol());
    WorkerRuntime worker =
        startWorker(
            queue,
            WorkflowCatalog.standard(),
            Map.of(
                "TEMPORAL_ENABLE_TRACING", "true",
                "TEMPORAL_TRACING_PROTOCOL", collector.protocol(),
                "TEMPORAL_TRACING_ENDPOINT", collector.endpoint()));
    GreetingWorkflow workflow =
        worker
            .client()
            .newWorkflowStub(
                GreetingWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(queue).build());

    assertThat(workflow.greet("Traced"))
        .isEqualTo("Hello, Traced! Welcome to Apex Memory System with Temporal.io!");
    worker.stop();

    for (String span : SPANS) {
      Deadline.require(
          Duration.ofSeconds(10),
          "span " + span + " over OTLP/" + collector.protocol(),
          () -> collector.received(span));
    }
  }
}
