package io.apex.temporal.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The builder that the worker command, the monitored stack and the ingestion benchmark share. With
 * ingestion it is exercised through the worker jar (IngestionCliIT); here, what it does without.
 */
@DisplayName("WorkerRuntime.builder on the embedded Java test server")
class WorkerRuntimeBuilderTest {
  private WorkerRuntime runtime;

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.stop();
    }
  }

  private static TemporalConfig config(String taskQueue) {
    return SettingsMap.ownEmbeddedServer().with("TEMPORAL_TASK_QUEUE", taskQueue).config();
  }

  private String greet(String taskQueue, String name) {
    return runtime
        .client()
        .newWorkflowStub(
            GreetingWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId("builder-" + name)
                .build())
        .greet(name);
  }

  @Test
  void withoutIngestionServesTheStandardGreetingsAndHasNoDocumentSearch() throws Exception {
    runtime = WorkerRuntime.builder(config("builder-standard")).build();
    runtime.start();

    assertThat(greet("builder-standard", "World"))
        .isEqualTo("Hello, World! Welcome to Apex Memory System with Temporal.io!");
    assertThat(runtime.documentSearch()).isEmpty();
  }

  @Test
  void greetingActivitiesGivenToTheBuilderReplaceTheStandardOnes() throws Exception {
    runtime =
        WorkerRuntime.builder(config("builder-greetings"))
            .withGreetingActivities(name -> "held " + name)
            .build();
    runtime.start();

    assertThat(greet("builder-greetings", "Ada")).startsWith("held Ada");
  }

  @Test
  void documentSearchIsNotAvailableBeforeTheIngestionComponentsStart() {
    runtime = WorkerRuntime.builder(config("builder-unstarted")).withIngestion().build();

    assertThatThrownBy(() -> runtime.documentSearch())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("have not started");
  }
}
