package io.apex.temporal.workflows.internal.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.ByteString;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.greeting.GreetingWorkflow;
import io.apex.temporal.workflows.internal.greeting.GreetingActivitiesImpl;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever the wire carries as a workflow's input, the workflow fails at once with a non-retryable
 * failure naming the expected type, after one workflow task.
 */
class BadWorkflowInputTest {
  private static final String TASK_QUEUE = "bad-input";
  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder()
                        .setDataConverter(StrictInputDataConverter.standard())
                        .build())
                .build());
    WorkflowCatalog catalog = WorkflowCatalog.standard();
    Worker worker = env.newWorker(TASK_QUEUE);
    catalog
        .workflowTypes()
        .forEach(
            type ->
                worker.registerWorkflowImplementationTypes(catalog.implementationOptions(), type));
    worker.registerActivitiesImplementations(new GreetingActivitiesImpl());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private static Payload json(byte[] data) {
    return Payload.newBuilder()
        .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFrom(data))
        .build();
  }

  private static Payload json(String text) {
    return json(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Payload binaryNull() {
    return Payload.newBuilder()
        .putMetadata("encoding", ByteString.copyFromUtf8("binary/null"))
        .build();
  }

  /** Starts GreetingWorkflow with exactly these payloads, as any client on the wire could. */
  private String startWith(Optional<List<Payload>> input) {
    String workflowId = "bad-input-" + UUID.randomUUID();
    StartWorkflowExecutionRequest.Builder request =
        StartWorkflowExecutionRequest.newBuilder()
            .setNamespace(env.getNamespace())
            .setWorkflowId(workflowId)
            .setRequestId(UUID.randomUUID().toString())
            .setWorkflowType(WorkflowType.newBuilder().setName(GreetingWorkflow.TYPE))
            .setTaskQueue(TaskQueue.newBuilder().setName(TASK_QUEUE));
    input.ifPresent(payloads -> request.setInput(Payloads.newBuilder().addAllPayloads(payloads)));
    env.getWorkflowServiceStubs().blockingStub().startWorkflowExecution(request.build());
    return workflowId;
  }

  private ApplicationFailure failureOf(String workflowId) {
    Throwable thrown =
        catchThrowable(
            () ->
                env.getWorkflowClient()
                    .newUntypedWorkflowStub(workflowId)
                    .getResult(5, TimeUnit.SECONDS, String.class));
    assertThat(thrown).isInstanceOf(WorkflowFailedException.class);
    assertThat(thrown.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) thrown.getCause();
  }

  private long workflowTaskAttempts(String workflowId) {
    return env.getWorkflowClient().fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)
        .count();
  }

  private void assertFailsCleanly(Optional<List<Payload>> input, String messagePart) {
    String workflowId = startWith(input);
    ApplicationFailure failure = failureOf(workflowId);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(StrictInputDataConverter.INVALID_INPUT);
    assertThat(failure.getOriginalMessage()).contains("java.lang.String", messagePart);
    assertThat(workflowTaskAttempts(workflowId)).isEqualTo(1);
    assertThat(
            WorkflowStub.fromTyped(
                    env.getWorkflowClient().newWorkflowStub(GreetingWorkflow.class, workflowId))
                .describe()
                .getStatus()
                .name())
        .isEqualTo("WORKFLOW_EXECUTION_STATUS_FAILED");
  }

  @Test
  void aJsonObjectFailsTheWorkflowNamingTheExpectedType() {
    assertFailsCleanly(Optional.of(List.of(json("{\"a\":1}"))), "{\"a\":1}");
  }

  @Test
  void aJsonArrayFailsTheWorkflowNamingTheExpectedType() {
    assertFailsCleanly(Optional.of(List.of(json("[\"x\"]"))), "[\"x\"]");
  }

  @Test
  void invalidUtf8FailsTheWorkflowNamingTheExpectedType() {
    assertFailsCleanly(
        Optional.of(List.of(json(new byte[] {'"', (byte) 0xff, (byte) 0xfe, '"'}))), "not UTF-8");
  }

  @Test
  void aMissingInputFailsTheWorkflow() {
    assertFailsCleanly(Optional.empty(), "got null or no argument");
  }

  @Test
  void aNullInputFailsTheWorkflow() {
    assertFailsCleanly(Optional.of(List.of(binaryNull())), "got null or no argument");
    assertFailsCleanly(Optional.of(List.of(json("null"))), "got null or no argument");
  }

  @Test
  void extraArgumentsFailTheWorkflow() {
    assertFailsCleanly(
        Optional.of(List.of(json("\"a\""), json("\"b\""))),
        "expected 1 argument(s) (java.lang.String), got 2");
  }

  @Test
  void aStringInputStillGreets() throws Exception {
    String workflowId = startWith(Optional.of(List.of(json("\"World\""))));
    assertThat(
            env.getWorkflowClient()
                .newUntypedWorkflowStub(workflowId)
                .getResult(5, TimeUnit.SECONDS, String.class))
        .isEqualTo("Hello, World! Welcome to Apex Memory System with Temporal.io!");
  }
}
