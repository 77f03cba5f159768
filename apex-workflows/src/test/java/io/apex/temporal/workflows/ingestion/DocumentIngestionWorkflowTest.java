package io.apex.temporal.workflows.ingestion;

import static io.apex.temporal.workflows.ingestion.ScriptedActivities.nonRetryable;
import static io.apex.temporal.workflows.ingestion.ScriptedActivities.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.apex.temporal.workflows.internal.ingestion.IngestionActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DocumentIngestionWorkflowTest {
  private static final String TASK_QUEUE = "ingestion-test";
  private static final String DOCUMENT = "d0c";
  private static final IngestionRequest REQUEST =
      new IngestionRequest(DOCUMENT, "test", "/docs/report.pdf");

  private TestWorkflowEnvironment env;
  private Worker worker;
  private final ScriptedActivities activities = new ScriptedActivities();

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    worker = IngestionWorkers.register(env, TASK_QUEUE);
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  private void start() {
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  private DocumentIngestionWorkflow workflow() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            DocumentIngestionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowId(DocumentIngestionWorkflow.workflowId(DOCUMENT))
                .build());
  }

  /** The stub of the workflow already started, for queries. */
  private DocumentIngestionWorkflow started() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            DocumentIngestionWorkflow.class, DocumentIngestionWorkflow.workflowId(DOCUMENT));
  }

  private List<HistoryEvent> history() {
    return env.getWorkflowClient()
        .fetchHistory(DocumentIngestionWorkflow.workflowId(DOCUMENT))
        .getEvents();
  }

  private String searchAttribute(io.temporal.common.SearchAttributeKey<String> key) {
    return env.getWorkflowClient()
        .newUntypedWorkflowStub(DocumentIngestionWorkflow.workflowId(DOCUMENT))
        .describe()
        .getTypedSearchAttributes()
        .get(key);
  }

  private static ApplicationFailure workflowFailure(ThrowingCallable call) {
    try {
      call.call();
    } catch (WorkflowFailedException e) {
      assertThat(e.getCause()).isInstanceOf(ApplicationFailure.class);
      return (ApplicationFailure) e.getCause();
    } catch (Throwable e) {
      throw new AssertionError("expected the workflow to fail, got " + e, e);
    }
    throw new AssertionError("expected the workflow to fail, but it completed");
  }

  @Test
  void runsEveryStepInOrderAndReportsTheWrittenCounts() {
    start();
    IngestionResult result = workflow().ingest(REQUEST);

    assertThat(result)
        .isEqualTo(
            new IngestionResult(
                DOCUMENT,
                "/docs/report.pdf",
                IngestionOutcome.INGESTED,
                ScriptedActivities.CHUNKS,
                ScriptedActivities.ENTITIES));
    assertThat(activities.calls)
        .containsExactly(
            "stage_document",
            "parse_document",
            "extract_entities",
            "generate_embeddings",
            "write_document",
            "cleanup_staging");
    assertThat(started().status())
        .isEqualTo(
            new IngestionStatus(
                DOCUMENT,
                IngestionStage.COMPLETED,
                ScriptedActivities.CHUNKS,
                ScriptedActivities.ENTITIES,
                null));
  }

  @Test
  void upsertsDocumentIdSourceAndTheFinalStatusAsSearchAttributes() {
    start();
    workflow().ingest(REQUEST);

    assertThat(searchAttribute(IngestionSearchAttributes.DOCUMENT_ID)).isEqualTo(DOCUMENT);
    assertThat(searchAttribute(IngestionSearchAttributes.SOURCE)).isEqualTo("test");
    assertThat(searchAttribute(IngestionSearchAttributes.INGESTION_STATUS)).isEqualTo("completed");
  }

  @Test
  void unchangedContentEndsAfterStagingAsUnchangedWithTheStoredCounts() {
    activities.unchanged();
    start();
    IngestionResult result = workflow().ingest(REQUEST);

    assertThat(result.outcome()).isEqualTo(IngestionOutcome.UNCHANGED);
    assertThat(result.chunks()).isEqualTo(ScriptedActivities.CHUNKS);
    assertThat(result.entities()).isEqualTo(ScriptedActivities.ENTITIES);
    assertThat(activities.calls).containsExactly("stage_document");
    assertThat(started().status().stage()).isEqualTo(IngestionStage.COMPLETED);
  }

  @Test
  void statusAndSearchAttributeFollowTheStageThatRuns() throws Exception {
    activities.blockingAt("generate_embeddings");
    start();
    DocumentIngestionWorkflow workflow = workflow();
    WorkflowClient.start(workflow::ingest, REQUEST);
    assertThat(activities.blockedStarted.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(workflow.status())
        .isEqualTo(
            new IngestionStatus(
                DOCUMENT,
                IngestionStage.GENERATING_EMBEDDINGS,
                ScriptedActivities.CHUNKS,
                ScriptedActivities.ENTITIES,
                null));
    assertThat(searchAttribute(IngestionSearchAttributes.INGESTION_STATUS))
        .isEqualTo("generating_embeddings");
    activities.release.countDown();
    WorkflowStub.fromTyped(workflow).getResult(IngestionResult.class);
  }

  @Test
  void anInvalidDocumentFailsAtOnceWithItsReasonAndStagingIsCleanedUp() {
    activities.failing(
        "parse_document",
        nonRetryable("corrupt PDF: no trailer found", IngestionFailures.INVALID_DOCUMENT));
    start();
    DocumentIngestionWorkflow workflow = workflow();

    ApplicationFailure failure = workflowFailure(() -> workflow.ingest(REQUEST));
    assertThat(failure.getOriginalMessage()).isEqualTo("corrupt PDF: no trailer found");
    assertThat(failure.getType()).isEqualTo(IngestionFailures.INVALID_DOCUMENT);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(activities.attempts("parse_document")).isEqualTo(1);
    assertThat(activities.calls)
        .containsExactly("stage_document", "parse_document", "cleanup_staging");
    assertThat(workflow.status())
        .isEqualTo(
            new IngestionStatus(
                DOCUMENT, IngestionStage.FAILED, 0, 0, "corrupt PDF: no trailer found"));
    assertThat(searchAttribute(IngestionSearchAttributes.INGESTION_STATUS)).isEqualTo("failed");
  }

  @Test
  void aMissingFileFailsAtStagingAfterOneAttemptWithNothingToUndo() {
    activities.failing(
        "stage_document",
        nonRetryable("file not found: /docs/report.pdf", IngestionFailures.NOT_FOUND));
    start();

    ApplicationFailure failure = workflowFailure(() -> workflow().ingest(REQUEST));
    assertThat(failure.getOriginalMessage()).isEqualTo("file not found: /docs/report.pdf");
    assertThat(failure.getType()).isEqualTo(IngestionFailures.NOT_FOUND);
    assertThat(activities.calls).containsExactly("stage_document");
  }

  @Test
  void aWriteThatFailsForGoodIsUndoneThenStagingIsCleanedUp() {
    activities.failing("write_document", transientFailure("connection reset after 40 rows"));
    start();

    ApplicationFailure failure = workflowFailure(() -> workflow().ingest(REQUEST));
    assertThat(failure.getOriginalMessage())
        .isEqualTo("write_document gave up: connection reset after 40 rows");
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(activities.attempts("write_document")).isEqualTo(3);
    assertThat(activities.calls.subList(activities.calls.size() - 2, activities.calls.size()))
        .containsExactly("delete_written_version", "cleanup_staging");
    assertThat(activities.attempts("delete_written_version")).isEqualTo(1);
  }

  @Test
  void aWriteWhoseUndoFailsTooSaysSoInTheStatusLogsItAndStillCleansUp() {
    activities
        .failing("write_document", transientFailure("connection reset after 40 rows"))
        .failing("delete_written_version", transientFailure("store unreachable"));
    start();
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger compensationLog =
        (Logger)
            LoggerFactory.getLogger("io.apex.temporal.workflows.internal.ingestion.Compensations");
    compensationLog.addAppender(logged);
    DocumentIngestionWorkflow workflow = workflow();
    try {
      ApplicationFailure failure = workflowFailure(() -> workflow.ingest(REQUEST));

      String expected =
          "write_document gave up: connection reset after 40 rows; not undone:"
              + " delete_written_version gave up: store unreachable"
              + " (the version may still be current and searchable)";
      assertThat(failure.getOriginalMessage()).isEqualTo(expected);
      assertThat(workflow.status())
          .isEqualTo(new IngestionStatus(DOCUMENT, IngestionStage.FAILED, 0, 0, expected));
      assertThat(activities.attempts("delete_written_version")).isEqualTo(5);
      assertThat(activities.calls).endsWith("delete_written_version", "cleanup_staging");
      assertThat(logged.list)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getFormattedMessage())
                    .contains("delete_written_version", DOCUMENT, "store unreachable");
              });
    } finally {
      compensationLog.detachAppender(logged);
    }
  }

  @Test
  void embeddingsThatFailForGoodAfterFiveAttemptsUndoOnlyTheStaging() {
    activities.failing("generate_embeddings", transientFailure("model crashed"));
    start();

    ApplicationFailure failure = workflowFailure(() -> workflow().ingest(REQUEST));
    assertThat(failure.getOriginalMessage())
        .isEqualTo("generate_embeddings gave up: model crashed");
    assertThat(activities.attempts("generate_embeddings")).isEqualTo(5);
    assertThat(activities.calls)
        .doesNotContain("write_document", "delete_written_version")
        .endsWith("cleanup_staging");
  }

  @Test
  void aCleanupFailureAfterTheWriteKeepsTheWrittenVersion() {
    activities.failing("cleanup_staging", transientFailure("disk busy"));
    start();

    assertThat(workflow().ingest(REQUEST).outcome()).isEqualTo(IngestionOutcome.INGESTED);
    assertThat(activities.attempts("cleanup_staging")).isEqualTo(2);
    assertThat(activities.calls).doesNotContain("delete_written_version");
  }

  @Test
  void schedulesEachActivityWithTheTimeoutAndRetryPolicyOfTheIssue() {
    start();
    workflow().ingest(REQUEST);

    record Expected(
        String type,
        long timeoutSeconds,
        long heartbeatSeconds,
        long initial,
        long maximum,
        int attempts,
        List<String> doNotRetry) {}
    List<Expected> expected =
        List.of(
            new Expected(
                "stage_document",
                30,
                15,
                1,
                30,
                3,
                List.of(IngestionFailures.NOT_FOUND, IngestionFailures.INVALID_DOCUMENT)),
            new Expected(
                "parse_document",
                40,
                15,
                1,
                30,
                3,
                List.of(IngestionFailures.INVALID_DOCUMENT, IngestionFailures.NOT_FOUND)),
            new Expected(
                "extract_entities", 120, 15, 2, 60, 3, List.of(IngestionFailures.INVALID_DOCUMENT)),
            new Expected(
                "generate_embeddings",
                180,
                15,
                1,
                60,
                5,
                List.of(IngestionFailures.INVALID_DOCUMENT)),
            new Expected(
                "write_document", 300, 15, 5, 60, 3, List.of(IngestionFailures.VALIDATION)),
            new Expected("cleanup_staging", 10, 15, 1, 10, 2, List.of()));
    var scheduled =
        history().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
            .toList();
    assertThat(scheduled).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      var attributes = scheduled.get(i);
      var policy = attributes.getRetryPolicy();
      assertThat(
              new Expected(
                  attributes.getActivityType().getName(),
                  attributes.getStartToCloseTimeout().getSeconds(),
                  attributes.getHeartbeatTimeout().getSeconds(),
                  policy.getInitialInterval().getSeconds(),
                  policy.getMaximumInterval().getSeconds(),
                  policy.getMaximumAttempts(),
                  policy.getNonRetryableErrorTypesList()))
          .isEqualTo(expected.get(i));
      assertThat(policy.getBackoffCoefficient()).isEqualTo(2.0);
    }
  }

  /**
   * The heartbeat timeout is what makes a killed worker's attempt retry within seconds rather than
   * after the start-to-close timeout; the undo of a write needs it as much as the write.
   */
  @Test
  void undoingAWriteIsScheduledWithItsTimeoutHeartbeatTimeoutAndFiveAttempts() {
    activities.failing("write_document", nonRetryable("refused", IngestionFailures.VALIDATION));
    start();
    workflowFailure(() -> workflow().ingest(REQUEST));

    var undo =
        history().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
            .filter(a -> a.getActivityType().getName().equals("delete_written_version"))
            .toList();
    assertThat(undo).hasSize(1);
    assertThat(undo.get(0).getStartToCloseTimeout().getSeconds()).isEqualTo(60);
    assertThat(undo.get(0).getHeartbeatTimeout().getSeconds()).isEqualTo(15);
    assertThat(undo.get(0).getRetryPolicy().getMaximumAttempts()).isEqualTo(5);
  }

  @Test
  void theParseTimeoutGrowsWithTheStagedSize() {
    activities.sized(25L * 1024 * 1024);
    start();
    workflow().ingest(REQUEST);

    var parse =
        history().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
            .filter(a -> a.getActivityType().getName().equals("parse_document"))
            .findFirst()
            .orElseThrow();
    assertThat(parse.getStartToCloseTimeout().getSeconds()).isEqualTo(30 + 25 * 10);
    assertThat(IngestionActivityOptions.parseTimeout(0).getSeconds()).isEqualTo(30);
    assertThat(IngestionActivityOptions.parseTimeout(Long.MAX_VALUE))
        .isEqualTo(IngestionActivityOptions.PARSE_TIMEOUT_CEILING);
  }
}
