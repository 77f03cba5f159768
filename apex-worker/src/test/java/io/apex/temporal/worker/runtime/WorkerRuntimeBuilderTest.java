package io.apex.temporal.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.ingestion.IngestionSettings;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.MetricsText;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builder that the worker command, the monitored stack and the ingestion benchmark share. With
 * ingestion it is exercised through the worker jar (IngestionCliIT); here, what it does without,
 * and the search index's gauges it adds with ingestion.
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
  void theSearchIndexGaugesReadTheRunningIndex(@TempDir Path dir) throws Exception {
    runtime =
        WorkerRuntime.builder(config("builder-index-gauges"))
            .withIngestion(IngestionSettings.embedded(dir.resolve("data"), FreePorts.next()))
            .build();
    runtime.start();

    var metrics = MetricsText.scrape("127.0.0.1:" + runtime.metricsPort());
    // A new index: no chunk, no segment yet (not the NaN of components that have not started).
    assertThat(metrics.total("apex_search_index_chunks")).hasValue(0);
    assertThat(metrics.total("apex_search_index_segments")).hasValue(0);
    assertThat(metrics.help("apex_search_index_segments")).contains("merges");
  }

  @Test
  void documentSearchIsNotAvailableBeforeTheIngestionComponentsStart() {
    runtime = WorkerRuntime.builder(config("builder-unstarted")).withIngestion().build();

    assertThatThrownBy(() -> runtime.documentSearch())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("have not started");
  }
}
