package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.DevServerTarget;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.it.support.OtlpHttpReceiver;
import io.apex.temporal.it.support.TemporalTarget;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** With tracing on, the worker exports spans of the workflow and its activity over OTLP. */
@DisplayName("tracing over OTLP/HTTP on temporal server start-dev")
class TracingIT extends IntegrationTest {

  @Override
  protected TemporalTarget newTarget() {
    return new DevServerTarget();
  }

  @Test
  void tracedWorkerExportsWorkflowAndActivitySpans() throws Exception {
    String queue = uniqueQueue("traced");
    try (OtlpHttpReceiver collector = new OtlpHttpReceiver()) {
      WorkerRuntime worker = startWorker(queue, WorkflowCatalog.standard(), Map.of(
          "TEMPORAL_ENABLE_TRACING", "true",
          "TEMPORAL_TRACING_PROTOCOL", "http",
          "TEMPORAL_TRACING_ENDPOINT", collector.endpoint()));
      GreetingWorkflow workflow = worker.client().newWorkflowStub(GreetingWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(queue).build());

      assertThat(workflow.greet("Traced"))
          .isEqualTo("Hello, Traced! Welcome to Apex Memory System with Temporal.io!");
      worker.stop();

      for (String span : new String[] {"StartWorkflow:GreetingWorkflow",
          "RunWorkflow:GreetingWorkflow", "StartActivity:greet_activity",
          "RunActivity:greet_activity"}) {
        Deadline.require(Duration.ofSeconds(10), "span " + span, () -> collector.received(span));
      }
    }
  }
}
