package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.CliResult;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.internal.input.StrictInputDataConverter;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any input the wire can carry fails GreetingWorkflow at once, non-retryably, naming the expected
 * type: sent by the official temporal CLI to a real server, as the tester did.
 */
@DisplayName("bad workflow input from the temporal CLI on temporal server start-dev")
class BadWorkflowInputIT extends IntegrationTest {
  private static final Duration CLOSES_WITHIN = Duration.ofSeconds(10);

  @TempDir Path files;

  @Override
  protected TemporalTarget newTarget() {
    return new DevServerTarget();
  }

  private CliResult execute(String workflowId, String queue, String... inputArguments) {
    List<String> arguments =
        new java.util.ArrayList<>(
            List.of(
                "workflow",
                "execute",
                "--type",
                "GreetingWorkflow",
                "--task-queue",
                queue,
                "--workflow-id",
                workflowId));
    arguments.addAll(List.of(inputArguments));
    return ((DevServerTarget) target).cli(arguments.toArray(String[]::new));
  }

  private void assertFailedCleanly(
      String workflowId, CliResult result, Duration took, String messagePart) {
    assertThat(took).as(result.output()).isLessThan(CLOSES_WITHIN);
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    List<HistoryEvent> events = client().fetchHistory(workflowId).getEvents();
    assertThat(
            events.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)
                .count())
        .as("workflow task attempts")
        .isEqualTo(1);
    HistoryEvent last = events.get(events.size() - 1);
    assertThat(last.getEventType()).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED);
    Failure failure = last.getWorkflowExecutionFailedEventAttributes().getFailure();
    assertThat(failure.getApplicationFailureInfo().getNonRetryable()).isTrue();
    assertThat(failure.getApplicationFailureInfo().getType())
        .isEqualTo(StrictInputDataConverter.INVALID_INPUT);
    assertThat(failure.getMessage()).contains("java.lang.String", messagePart);
    assertThat(client().newUntypedWorkflowStub(workflowId).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED);
  }

  private void check(String messagePart, String... inputArguments) throws Exception {
    String queue = uniqueQueue("bad-input");
    startWorker(queue, WorkflowCatalog.standard());
    long begin = System.nanoTime();
    CliResult result = execute(queue, queue, inputArguments);
    assertFailedCleanly(queue, result, Duration.ofNanos(System.nanoTime() - begin), messagePart);
  }

  @Test
  void aJsonObjectFailsTheWorkflowAtOnce() throws Exception {
    check("{\"a\":1}", "--input", "{\"a\":1}");
  }

  @Test
  void aJsonArrayFailsTheWorkflowAtOnce() throws Exception {
    check("[\"x\"]", "--input", "[\"x\"]");
  }

  @Test
  void invalidUtf8FailsTheWorkflowAtOnce() throws Exception {
    Path input = files.resolve("invalid-utf8.json");
    Files.write(input, new byte[] {'"', (byte) 0xff, (byte) 0xfe, '"'});
    check("not UTF-8", "--input-file", input.toString());
  }

  @Test
  void nullAndMissingInputFailTheWorkflowAtOnce() throws Exception {
    check("got null or no argument", "--input", "null");
    check("got null or no argument");
  }

  @Test
  void extraArgumentsFailTheWorkflowAtOnce() throws Exception {
    check("got 2", "--input", "\"a\"", "--input", "\"b\"");
  }
}
