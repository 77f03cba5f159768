package io.apex.temporal.worker.internal.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingStatus;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A query nobody handles gets a clean error, not the worker's Java stack trace. */
class UnknownQueryTest {
  private WorkerRuntime runtime;

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.stopNow();
    }
  }

  @Test
  void anUnknownQueryGetsOneLineNamingItAndNoStackTraceFromTheWorker() throws Exception {
    runtime =
        new WorkerRuntime(
            SettingsMap.ownEmbeddedServer().with("TEMPORAL_TASK_QUEUE", "queries").config(),
            WorkflowCatalog.standard());
    runtime.start();
    GreetingWorkflow workflow =
        runtime
            .client()
            .newWorkflowStub(
                GreetingWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue("queries")
                    .setWorkflowId("unknown-query")
                    .build());
    workflow.greet("Query");

    Throwable thrown =
        catchThrowable(() -> WorkflowStub.fromTyped(workflow).query("no_such_query", String.class));

    assertThat(thrown).isInstanceOf(WorkflowQueryException.class);
    StringWriter everything = new StringWriter();
    thrown.printStackTrace(new PrintWriter(everything));
    String remote =
        everything
            .toString()
            .lines()
            .filter(line -> line.contains("no_such_query"))
            .reduce("", (a, b) -> a + b + "\n");
    assertThat(remote).contains("unknown query type 'no_such_query'");
    assertThat(messagesOf(thrown)).doesNotContain("\tat ", "at io.temporal.internal");
    assertThat(workflow.status())
        .isEqualTo(
            GreetingStatus.completed(
                "Hello, Query! Welcome to Apex Memory System with Temporal.io!"));
  }

  /** Every message in the cause chain: what the caller receives from the worker. */
  private static String messagesOf(Throwable thrown) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }
}
