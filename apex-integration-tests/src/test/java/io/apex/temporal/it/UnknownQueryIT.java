package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.CliResult;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.workflows.WorkflowCatalog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The tester's case: an unknown query from the CLI used to print the worker's stack trace. */
@DisplayName("unknown query from the temporal CLI on temporal server start-dev")
class UnknownQueryIT extends IntegrationTest {

  @Override
  protected TemporalTarget newTarget() {
    return new DevServerTarget();
  }

  @Test
  void anUnknownQueryAnswersOneCleanErrorWithoutTheWorkersStackTrace() throws Exception {
    String queue = uniqueQueue("unknown-query");
    startWorker(queue, WorkflowCatalog.standard());
    greeting(queue, queue).greet("Query");

    CliResult result =
        ((DevServerTarget) target)
            .cli("workflow", "query", "--workflow-id", queue, "--name", "no_such_query");

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output())
        .contains("unknown query type 'no_such_query'")
        .doesNotContain("\tat ", "at io.temporal.", "at java.");
  }
}
