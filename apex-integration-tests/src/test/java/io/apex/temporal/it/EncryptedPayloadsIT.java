package io.apex.temporal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.m3.tally.NoopScope;
import io.apex.temporal.client.MissingKeyFile;
import io.apex.temporal.client.internal.codec.AesGcmPayloadCodec;
import io.apex.temporal.client.internal.codec.PayloadEncryptionFactory;
import io.apex.temporal.client.internal.connection.TemporalConnection;
import io.apex.temporal.it.support.EchoIngestionWorkflow;
import io.apex.temporal.it.support.EchoStagingActivities;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.testkit.CliResult;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.worker.runtime.WorkerRuntime;
import io.apex.temporal.workflows.WorkflowCatalog;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import io.apex.temporal.workflows.ingestion.IngestionRequest;
import io.apex.temporal.workflows.ingestion.IngestionResult;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.GlobalDataConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ingestion payloads are encrypted on the server: its history holds none of a document's text, the
 * {@code temporal} CLI shows it through the worker's codec endpoint, the greeting stays plain JSON,
 * and a worker with the wrong key fails its workflow task naming the key it lacks, without harm to
 * the workflow.
 */
@DisplayName("encrypted payloads on temporal server start-dev")
class EncryptedPayloadsIT extends IntegrationTest {
  private static final String SECRET = "INV-2024-0042 alice.secret@example.com";
  private static final String KEY = key("it-key-1", 0x11);
  private static final String WRONG_KEY = key("it-key-wrong", 0x22);

  private Path keyDir;
  private TemporalConnection encryptingClient;

  @Override
  protected TemporalTarget newTarget() {
    return new DevServerTarget();
  }

  @BeforeAll
  void connectAnEncryptingClient() throws Exception {
    keyDir = Files.createTempDirectory("apex-payload-key");
    AesGcmPayloadCodec codec =
        PayloadEncryptionFactory.codec(
            config(settings(KEY, "client-only")).payloads(), MissingKeyFile.FAIL);
    encryptingClient =
        new TemporalConnection(
            config(Map.of()).connection(),
            new NoopScope(),
            List::of,
            () -> PayloadEncryptionFactory.dataConverter(GlobalDataConverter.get(), codec));
    encryptingClient.start();
  }

  @AfterAll
  void disconnect() {
    if (encryptingClient != null) {
      encryptingClient.stop();
    }
  }

  @Test
  void anIngestionsHistoryHoldsNoPlainTextAndTheCodecEndpointShowsIt() throws Exception {
    String queue = uniqueQueue("encrypted");
    WorkerRuntime worker = startWorker(queue, echoCatalog(), settings(KEY, queue));
    String workflowId = DocumentIngestionWorkflow.workflowId(UUID.randomUUID().toString());

    IngestionResult result =
        ingestion(queue, workflowId)
            .ingest(new IngestionRequest(workflowId.substring(7), "it", "/private/" + SECRET));

    assertThat(result.path()).isEqualTo("/private/" + SECRET);
    List<Payload> payloads = historyPayloads(workflowId);
    assertThat(payloads)
        .hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(p -> assertThat(AesGcmPayloadCodec.isEncrypted(p)).as(p.toString()).isTrue());
    // The CLI's text output shows plain JSON payloads as text (the greeting's test shows it).
    CliResult plain = cli("workflow", "show", "--workflow-id", workflowId);
    assertThat(plain.exitCode()).as(plain.output()).isZero();
    assertThat(plain.output())
        .as(plain.output())
        .contains("binary/encrypted")
        .doesNotContain("alice.secret");
    CliResult decoded =
        cli(
            "workflow",
            "show",
            "--workflow-id",
            workflowId,
            "--codec-endpoint",
            "http://127.0.0.1:" + worker.metricsPort() + "/codec");
    assertThat(decoded.exitCode()).as(decoded.output()).isZero();
    assertThat(decoded.output())
        .as(decoded.output())
        .contains(SECRET)
        .doesNotContain("binary/encrypted");
  }

  @Test
  void greetingPayloadsStayPlainJsonForPythonWorkers() throws Exception {
    String queue = uniqueQueue("plain-greeting");
    startWorker(queue, WorkflowCatalog.standard(), settings(KEY, queue));
    String workflowId = "greeting-" + UUID.randomUUID();

    String greeting =
        encryptingClient
            .client()
            .newWorkflowStub(
                io.apex.temporal.workflows.greeting.GreetingWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(workflowId).build())
            .greet(SECRET);

    assertThat(greeting).contains(SECRET);
    List<Payload> payloads = historyPayloads(workflowId);
    assertThat(payloads)
        .hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(
            p ->
                assertThat(p.getMetadataOrThrow("encoding").toStringUtf8())
                    .isEqualTo("json/plain"));
    CliResult shown = cli("workflow", "show", "--workflow-id", workflowId);
    assertThat(shown.exitCode()).as(shown.output()).isZero();
    assertThat(shown.output()).as(shown.output()).contains(SECRET);
  }

  @Test
  void aWorkerWithTheWrongKeyFailsTheWorkflowTaskNamingTheKeyAndHarmsNothing() throws Exception {
    String queue = uniqueQueue("wrong-key");
    WorkerRuntime wrong = startWorker(queue, echoCatalog(), settings(WRONG_KEY, queue));
    String workflowId = DocumentIngestionWorkflow.workflowId(UUID.randomUUID().toString());
    WorkflowClient.start(
        ingestion(queue, workflowId)::ingest,
        new IngestionRequest(workflowId.substring(7), "it", "/private/" + SECRET));

    Deadline.require(
        Duration.ofSeconds(30),
        "a failed workflow task",
        () ->
            events(workflowId).stream()
                .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED));
    HistoryEvent failed =
        events(workflowId).stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)
            .findFirst()
            .orElseThrow();
    // The wrong worker encodes its failure's message with its own key, as it encodes every
    // failure of an encrypted workflow: read it as that worker would.
    assertThat(
            decodedMessages(
                settings(WRONG_KEY, queue),
                workflowId,
                failed.getWorkflowTaskFailedEventAttributes().getFailure()))
        .anySatisfy(message -> assertThat(message).contains("key ID 'it-key-1'"));
    assertThat(status(workflowId))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(events(workflowId))
        .extracting(HistoryEvent::getEventType)
        .doesNotContain(
            EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED);

    wrong.stopNow();
    startWorker(queue, echoCatalog(), settings(KEY, queue));
    IngestionResult result =
        encryptingClient
            .client()
            .newUntypedWorkflowStub(workflowId)
            .getResult(90, TimeUnit.SECONDS, IngestionResult.class);
    assertThat(result.path()).isEqualTo("/private/" + SECRET);
  }

  private DocumentIngestionWorkflow ingestion(String queue, String workflowId) {
    return encryptingClient
        .client()
        .newWorkflowStub(
            DocumentIngestionWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(workflowId).build());
  }

  private Map<String, String> settings(String key, String queue) {
    Map<String, String> settings = new HashMap<>();
    settings.put("APEX_PAYLOAD_KEY", key);
    settings.put("APEX_PAYLOAD_KEY_FILE", keyDir.resolve("unused").toString());
    settings.put("TEMPORAL_TASK_QUEUE", queue);
    return settings;
  }

  private static WorkflowCatalog echoCatalog() {
    return new WorkflowCatalog(
        List.of(EchoIngestionWorkflow.class), List.of(new EchoStagingActivities()));
  }

  private CliResult cli(String... arguments) {
    return ((DevServerTarget) target).cli(arguments);
  }

  private List<HistoryEvent> events(String workflowId) {
    return client().fetchHistory(workflowId).getEvents();
  }

  private WorkflowExecutionStatus status(String workflowId) {
    return client().newUntypedWorkflowStub(workflowId).describe().getStatus();
  }

  /** Every payload of the workflow's history as the server stores it: inputs and results. */
  private List<Payload> historyPayloads(String workflowId) {
    List<Payload> payloads = new ArrayList<>();
    for (HistoryEvent event : events(workflowId)) {
      switch (event.getEventType()) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED ->
            payloads.addAll(
                event.getWorkflowExecutionStartedEventAttributes().getInput().getPayloadsList());
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED ->
            payloads.addAll(
                event.getActivityTaskScheduledEventAttributes().getInput().getPayloadsList());
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
            payloads.addAll(
                event.getActivityTaskCompletedEventAttributes().getResult().getPayloadsList());
        case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED ->
            payloads.addAll(
                event.getWorkflowExecutionCompletedEventAttributes().getResult().getPayloadsList());
        default -> {}
      }
    }
    return payloads;
  }

  /** The failure's message and those of its causes. */
  private static List<String> decodedMessages(
      Map<String, String> workerSettings,
      String workflowId,
      io.temporal.api.failure.v1.Failure failure)
      throws Exception {
    var converter =
        io.apex.temporal.client.WorkflowDataConverter.of(
                io.apex.temporal.testkit.SettingsMap.of(workerSettings).config().payloads(),
                MissingKeyFile.FAIL)
            .withContext(
                new io.temporal.payload.context.WorkflowSerializationContext(
                    "default", workflowId));
    List<String> messages = new ArrayList<>();
    for (Throwable t = converter.failureToException(failure); t != null; t = t.getCause()) {
      messages.add(t.getMessage());
    }
    return messages;
  }

  private static List<String> messages(io.temporal.api.failure.v1.Failure failure) {
    List<String> messages = new ArrayList<>();
    for (var f = failure; f != null; f = f.hasCause() ? f.getCause() : null) {
      messages.add(f.getMessage());
    }
    return messages;
  }

  private static String key(String id, int fill) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) fill);
    return id + ":" + Base64.getEncoder().encodeToString(bytes);
  }
}
