package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.CliResult;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.workflows.WorkflowCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The official temporal CLI, as any other client, runs and sees our workflows. */
@DisplayName("temporal CLI against our worker on temporal server start-dev")
class CliInteropIT extends IntegrationTest {

  @Override
  protected TemporalTarget newTarget() {
    return new DevServerTarget();
  }

  private CliResult cli(String... arguments) {
    return ((DevServerTarget) target).cli(arguments);
  }

  @Test
  void workflowExecuteFromTheCliReturnsTheExactGreeting() throws Exception {
    String queue = uniqueQueue("cli");
    startWorker(queue, WorkflowCatalog.standard());

    CliResult result =
        cli(
            "workflow",
            "execute",
            "--type",
            "GreetingWorkflow",
            "--task-queue",
            queue,
            "--workflow-id",
            queue,
            "--input",
            "\"Apex Team\"");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("\"Hello, Apex Team! Welcome to Apex Memory System with Temporal.io!\"");
  }

  @Test
  void workflowDescribeFromTheCliSeesOurWorkflow() throws Exception {
    String queue = uniqueQueue("describe");
    startWorker(queue, WorkflowCatalog.standard());
    greeting(queue, queue).greet("Described");

    CliResult result = cli("workflow", "describe", "--workflow-id", queue);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("GreetingWorkflow", queue, "COMPLETED");
  }

  @Test
  void statusQueryFromTheCliAnswersInThePythonCompatibleJson() throws Exception {
    String queue = uniqueQueue("query");
    startWorker(queue, WorkflowCatalog.standard());
    greeting(queue, queue).greet("Query");

    CliResult result = cli("workflow", "query", "--workflow-id", queue, "--name", "get_status");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains(
            "\"stage\":\"COMPLETED\"",
            "\"greeting\":\"Hello, Query! Welcome to Apex Memory System with Temporal.io!\"");
  }
}
