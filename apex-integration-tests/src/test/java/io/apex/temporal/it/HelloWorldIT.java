package io.apex.temporal.it;

import static io.temporal.api.enums.v1.EventType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.Histories;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

abstract class HelloWorldIT extends IntegrationTest {

  @Test
  void greetingRunsEndToEndThroughTheWorkerRuntime() throws Exception {
    String queue = uniqueQueue("hello");
    startWorker(queue, WorkflowCatalog.standard());

    String greeting = greeting(queue, queue + "-world").greet("World");

    assertThat(greeting).isEqualTo("Hello, World! Welcome to Apex Memory System with Temporal.io!");
    assertThat(Histories.types(client(), queue + "-world"))
        .containsExactly(
            EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
            EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
            EVENT_TYPE_WORKFLOW_TASK_STARTED,
            EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
            EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
            EVENT_TYPE_ACTIVITY_TASK_STARTED,
            EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
            EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
            EVENT_TYPE_WORKFLOW_TASK_STARTED,
            EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
            EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }

  @Test
  void tenWorkflowsAtOnceEachGetTheirOwnGreeting() throws Exception {
    String queue = uniqueQueue("ten");
    startWorker(queue, WorkflowCatalog.standard());

    List<CompletableFuture<String>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      GreetingWorkflow workflow = greeting(queue, queue + "-" + i);
      WorkflowClient.start(workflow::greet, "Document " + i);
      results.add(WorkflowStub.fromTyped(workflow).getResultAsync(String.class));
    }
    CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    assertThat(results)
        .extracting(CompletableFuture::join)
        .containsExactlyElementsOf(
            IntStream.range(0, 10)
                .mapToObj(
                    i ->
                        "Hello, Document "
                            + i
                            + "! Welcome to Apex Memory System with Temporal.io!")
                .toList());
  }

  @DisplayName("hello world on the embedded Java test server")
  static class OnEmbeddedServer extends HelloWorldIT {
    @Override
    protected TemporalTarget newTarget() {
      return embeddedServer();
    }
  }

  @DisplayName("hello world on temporal server start-dev")
  static class OnDevServer extends HelloWorldIT {
    @Override
    protected TemporalTarget newTarget() {
      return new DevServerTarget();
    }
  }
}
