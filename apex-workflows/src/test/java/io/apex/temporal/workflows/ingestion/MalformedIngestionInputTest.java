package io.apex.temporal.workflows.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DataConverterException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape of input on the wire that is not a usable request fails the workflow at once, naming
 * what was expected; no workflow task is retried and no activity runs. Input that cannot be read as
 * an IngestionRequest at all fails with the SDK's converter failure (the worker registers the
 * workflow with {@code WorkflowCatalog.standard().implementationOptions()}); input that can be read
 * but is incomplete fails with our non-retryable {@code InvalidIngestionRequest}.
 */
class MalformedIngestionInputTest {
  private static final String TASK_QUEUE = "malformed-test";
  private static final String UNREADABLE = "unreadable";

  private TestWorkflowEnvironment env;
  private final ScriptedActivities activities = new ScriptedActivities();

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = IngestionWorkers.register(env, TASK_QUEUE);
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  static List<Arguments> malformedInputs() {
    return List.of(
        Arguments.of("no input", new Object[] {}, "got no input"),
        Arguments.of("null", new Object[] {null}, "got no input"),
        Arguments.of("a string", new Object[] {"/docs/a.txt"}, UNREADABLE),
        Arguments.of("a number", new Object[] {42}, UNREADABLE),
        Arguments.of("an array", new Object[] {List.of("/docs/a.txt")}, UNREADABLE),
        Arguments.of("an empty object", new Object[] {Map.of()}, "documentId is missing"),
        Arguments.of(
            "no path", new Object[] {Map.of("documentId", "d", "source", "s")}, "path is missing"),
        Arguments.of(
            "a relative path",
            new Object[] {Map.of("documentId", "d", "source", "s", "path", "docs/a.txt")},
            "path 'docs/a.txt' is not absolute"),
        Arguments.of(
            "a path of the wrong type",
            new Object[] {Map.of("documentId", "d", "source", "s", "path", Map.of("x", 1))},
            UNREADABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedInputs")
  void failsTheWorkflowAtOnceNamingWhatWasExpected(String shape, Object[] input, String detail)
      throws Exception {
    String workflowId = "malformed-" + shape.replace(' ', '-');
    WorkflowStub stub =
        env.getWorkflowClient()
            .newUntypedWorkflowStub(
                DocumentIngestionWorkflow.TYPE,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TASK_QUEUE)
                    .setWorkflowId(workflowId)
                    .build());
    stub.start(input);

    ApplicationFailure failure = null;
    try {
      stub.getResult(20, TimeUnit.SECONDS, IngestionResult.class);
    } catch (WorkflowFailedException e) {
      failure = (ApplicationFailure) e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError(shape + ": the workflow did not fail at once", e);
    }
    assertThat(failure).as(shape).isNotNull();
    if (detail.equals(UNREADABLE)) {
      // The SDK fails the workflow with the converter's message, which names the expected type.
      assertThat(failure.getType()).isEqualTo(DataConverterException.class.getName());
      assertThat(failure.getOriginalMessage()).contains("IngestionRequest");
    } else {
      assertThat(failure.getType()).isEqualTo(IngestionFailures.INVALID_REQUEST);
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .contains("expected an IngestionRequest")
          .contains(detail);
    }
    assertThat(env.getWorkflowClient().fetchHistory(workflowId).getEvents())
        .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)
        .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    assertThat(activities.calls).isEmpty();
  }
}
