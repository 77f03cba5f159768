package io.apex.temporal.it;

import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.client.DocumentOutcome;
import io.apex.temporal.client.IngestionClient;
import io.apex.temporal.client.StartedIngestion;
import io.apex.temporal.it.support.ChildWorker;
import io.apex.temporal.it.support.Histories;
import io.apex.temporal.it.support.InFlightActivities;
import io.apex.temporal.it.support.InFlightActivities.ActivityRef;
import io.apex.temporal.it.support.IntegrationTest;
import io.apex.temporal.it.support.StoreRows;
import io.apex.temporal.testkit.CliResult;
import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.DevServerTarget;
import io.apex.temporal.testkit.FreePorts;
import io.apex.temporal.testkit.SampleDocuments;
import io.apex.temporal.testkit.SettingsMap;
import io.apex.temporal.testkit.TemporalTarget;
import io.apex.temporal.workflows.ingestion.DocumentIngestionWorkflow;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ingestion against a real Temporal server on a SQLite file, with worker jar processes and the real
 * components: a worker killed with -9 mid-ingestion, a server restart mid-ingestion, the same
 * document started twice at once, and the search attribute that finds failed documents. Every
 * document ends stored exactly once.
 */
@DisplayName("ingestion faults on temporal server start-dev with a SQLite file")
class IngestionFaultsIT extends IntegrationTest {
  private static final Duration READY = Duration.ofMinutes(3);
  private Path work;
  private int storePort;
  private final List<ChildWorker> children = new ArrayList<>();

  @Override
  protected TemporalTarget newTarget() {
    try {
      return new DevServerTarget(
          Optional.of(Files.createTempDirectory("apex-ingestion-faults").resolve("temporal.db")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeEach
  void freshStore() throws IOException {
    work = Files.createTempDirectory("apex-ingestion-store");
    storePort = FreePorts.next();
  }

  @AfterEach
  void stopChildren() throws Exception {
    // The last one stops the embedded PostgreSQL, which it started or adopted.
    for (ChildWorker child : children) {
      if (child.alive()) {
        child.terminate();
        child.awaitExit(Duration.ofMinutes(1));
      }
    }
    children.clear();
  }

  private ChildWorker startWorker(String queue) {
    Map<String, String> settings =
        SettingsMap.forServer(target)
            .with("TEMPORAL_TASK_QUEUE", queue)
            .with("APEX_DATA_DIR", work.resolve("data").toString())
            .with("APEX_STORE_PORT", String.valueOf(storePort))
            .variables();
    ChildWorker child = ChildWorker.jar(settings);
    children.add(child);
    Deadline.require(
        READY,
        "the worker to be ready",
        () -> child.output().contains("worker ready") || !child.alive());
    assertThat(child.alive()).as(child.output()).isTrue();
    return child;
  }

  private List<Path> documents(int count) {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      files.add(
          SampleDocuments.write(
              work.resolve("docs").resolve("doc-" + i + ".txt"),
              SampleDocuments.text(
                  SampleDocuments.pages("topic " + i, 1, i)
                      // An entity in each, so that the mentions table has rows to check.
                      + "\nSend questions about it to desk-"
                      + i
                      + "@example.org.\n")));
    }
    return files;
  }

  private static List<DocumentOutcome> await(
      IngestionClient client, List<StartedIngestion> started, Duration timeout) throws Exception {
    List<CompletableFuture<DocumentOutcome>> outcomes =
        started.stream().map(client::outcome).toList();
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
        .get(timeout.toSeconds(), TimeUnit.SECONDS);
    return outcomes.stream().map(CompletableFuture::join).toList();
  }

  /** Every document stored once: one current row, one version, its chunks once each. */
  private void assertStoredExactlyOnce(
      StoreRows rows, List<StartedIngestion> started, List<DocumentOutcome> outcomes) {
    assertThat(rows.count("SELECT count(*) FROM documents")).isEqualTo(started.size());
    assertThat(rows.count("SELECT count(*) FROM document_versions")).isEqualTo(started.size());
    for (DocumentOutcome outcome : outcomes) {
      assertThat(
              rows.count("SELECT count(*) FROM chunks WHERE document_id = ?", outcome.documentId()))
          .as(outcome.path())
          .isEqualTo(outcome.chunks());
    }
    assertThat(rows.count("SELECT count(*) FROM staged_documents")).isZero();
    for (StartedIngestion s : started) {
      String workflowId = DocumentIngestionWorkflow.workflowId(s.documentId());
      assertThat(Histories.count(client(), workflowId, EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED))
          .isEqualTo(1);
      // Each scheduled activity completed once, whatever attempts it took.
      assertThat(Histories.count(client(), workflowId, EVENT_TYPE_ACTIVITY_TASK_COMPLETED))
          .isEqualTo(Histories.count(client(), workflowId, EVENT_TYPE_ACTIVITY_TASK_SCHEDULED));
    }
  }

  private int maxAttempt(StartedIngestion started) {
    return Histories.events(client(), DocumentIngestionWorkflow.workflowId(started.documentId()))
        .stream()
        .filter(
            e ->
                e.getEventType()
                    == io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .map(HistoryEvent::getActivityTaskStartedEventAttributes)
        .mapToInt(a -> a.getAttempt())
        .max()
        .orElse(0);
  }

  @Test
  void aWorkerKilledMidIngestionOfFiftyDocumentsLosesNothingAndTheNextStoresEachOnce()
      throws Exception {
    String queue = uniqueQueue("killed-ingestion");
    List<Path> files = documents(50);
    ChildWorker first = startWorker(queue);
    IngestionClient client = new IngestionClient(client(), queue);
    List<StartedIngestion> started = new ArrayList<>();
    for (Path file : files) {
      started.add(client.start("it", file));
    }
    List<String> workflowIds =
        started.stream().map(s -> DocumentIngestionWorkflow.workflowId(s.documentId())).toList();
    StoreRows rows = StoreRows.ofWorker(storePort, work.resolve("data"));
    Deadline.require(
        Duration.ofMinutes(3),
        "some documents to be written",
        () -> rows.countOrZero("SELECT count(*) FROM documents") >= 5);
    first.kill();
    Set<ActivityRef> inFlight =
        InFlightActivities.startedBy(client(), identityOf(first), workflowIds);
    // A count that fails when the store cannot be read, rather than reading 0.
    long writtenBeforeKill = rows.count("SELECT count(*) FROM documents");
    assertThat(writtenBeforeKill).as("the kill came mid-ingestion").isLessThan(50);
    assertThat(inFlight).as("activities in flight on the killed worker").isNotEmpty();

    ChildWorker second = startWorker(queue);
    List<DocumentOutcome> outcomes = await(client, started, Duration.ofMinutes(8));

    assertThat(outcomes).extracting(DocumentOutcome::kind).containsOnly(DocumentOutcome.Kind.OK);
    assertStoredExactlyOnce(rows, started, outcomes);
    assertThat(
            rows.count(
                "SELECT count(*) FROM (SELECT document_id, chunk_index, start_offset, end_offset"
                    + " FROM mentions GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) twice"))
        .as("mentions stored twice")
        .isZero();
    assertThat(rows.count("SELECT count(DISTINCT document_id) FROM mentions"))
        .as("documents with mentions")
        .isEqualTo(started.size());
    // Exactly the attempts the kill cut off were retried, each by the second worker after the
    // heartbeat timeout (or a shorter start-to-close timeout) of its first attempt.
    Set<ActivityRef> retried = new HashSet<>();
    for (String workflowId : workflowIds) {
      Map<Long, ActivityTaskScheduledEventAttributes> schedules = new HashMap<>();
      for (HistoryEvent event : Histories.events(client(), workflowId)) {
        if (event.getEventType() == EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
          schedules.put(event.getEventId(), event.getActivityTaskScheduledEventAttributes());
        } else if (event.getEventType() == EVENT_TYPE_ACTIVITY_TASK_STARTED
            && event.getActivityTaskStartedEventAttributes().getAttempt() > 1) {
          var start = event.getActivityTaskStartedEventAttributes();
          var schedule = schedules.get(start.getScheduledEventId());
          ActivityRef ref = new ActivityRef(workflowId, schedule.getActivityId());
          retried.add(ref);
          assertThat(start.getAttempt()).as("%s attempts", ref).isEqualTo(2);
          assertThat(identityOf(second).test(start.getIdentity()))
              .as("%s retried by the second worker, not %s", ref, start.getIdentity())
              .isTrue();
          boolean heartbeatFirst =
              schedule.getHeartbeatTimeout().getSeconds()
                  < schedule.getStartToCloseTimeout().getSeconds();
          assertThat(start.getLastFailure().getTimeoutFailureInfo().getTimeoutType())
              .as("%s lost its first attempt to: %s", ref, start.getLastFailure())
              .isEqualTo(
                  heartbeatFirst
                      ? TimeoutType.TIMEOUT_TYPE_HEARTBEAT
                      : TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE);
        }
      }
    }
    assertThat(retried).isEqualTo(inFlight);
  }

  /** The SDK's default worker identity is {@code pid@host}. */
  private static Predicate<String> identityOf(ChildWorker worker) {
    return identity -> identity.startsWith(worker.pid() + "@");
  }

  @Test
  void aServerRestartMidIngestionLosesNothing() throws Exception {
    String queue = uniqueQueue("server-restart-ingestion");
    List<Path> files = documents(20);
    startWorker(queue);
    IngestionClient client = new IngestionClient(client(), queue);
    List<StartedIngestion> started = new ArrayList<>();
    for (Path file : files) {
      started.add(client.start("it", file));
    }
    StoreRows rows = StoreRows.ofWorker(storePort, work.resolve("data"));
    Deadline.require(
        Duration.ofMinutes(3),
        "some documents to be written",
        () -> rows.countOrZero("SELECT count(*) FROM documents") >= 3);

    long storedBeforeStop = rows.count("SELECT count(*) FROM documents");
    target.stop();
    assertThat(storedBeforeStop).as("the restart came mid-run").isLessThan(files.size());
    target.start();

    List<DocumentOutcome> outcomes = await(client, started, Duration.ofMinutes(8));
    assertThat(outcomes).extracting(DocumentOutcome::kind).containsOnly(DocumentOutcome.Kind.OK);
    assertStoredExactlyOnce(rows, started, outcomes);
  }

  @Test
  void theSameDocumentStartedTwiceAtOnceRunsOnce() throws Exception {
    String queue = uniqueQueue("twice");
    Path file = documents(1).get(0);
    IngestionClient client = new IngestionClient(client(), queue);

    // No worker polls yet: the first run cannot have ended when the second start arrives.
    StartedIngestion first = client.start("it", file);
    String workflowId = DocumentIngestionWorkflow.workflowId(first.documentId());
    assertThat(client().newUntypedWorkflowStub(workflowId).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    StartedIngestion second = client.start("it", file);
    startWorker(queue);

    assertThat(second.runId()).isEqualTo(first.runId());
    assertThat(await(client, List.of(first, second), Duration.ofMinutes(3)))
        .extracting(DocumentOutcome::kind)
        .containsExactly(DocumentOutcome.Kind.OK, DocumentOutcome.Kind.OK);
    assertThat(
            Histories.events(client(), workflowId).stream()
                .filter(e -> e.getEventType() == EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .filter(
                    e ->
                        e.getActivityTaskScheduledEventAttributes()
                            .getActivityType()
                            .getName()
                            .equals("stage_document")))
        .hasSize(1);
    assertThat(
            StoreRows.ofWorker(storePort, work.resolve("data"))
                .count("SELECT count(*) FROM document_versions"))
        .isEqualTo(1);
  }

  @Test
  void failedDocumentsAreFoundByTheirIngestionStatusWithTheTemporalCli() throws Exception {
    String queue = uniqueQueue("failed-status");
    Path empty = SampleDocuments.write(work.resolve("empty.txt"), new byte[0]);
    Path good = documents(1).get(0);
    startWorker(queue);
    IngestionClient client = new IngestionClient(client(), queue);
    StartedIngestion failed = client.start("it", empty);
    StartedIngestion ok = client.start("it", good);
    assertThat(await(client, List.of(failed, ok), Duration.ofMinutes(3)))
        .extracting(DocumentOutcome::kind)
        .containsExactly(DocumentOutcome.Kind.FAILED, DocumentOutcome.Kind.OK);

    DevServerTarget devServer = (DevServerTarget) target;
    String failedId = DocumentIngestionWorkflow.workflowId(failed.documentId());
    String okId = DocumentIngestionWorkflow.workflowId(ok.documentId());
    CliResult[] list = new CliResult[1];
    Deadline.require(
        Duration.ofSeconds(30),
        "visibility to list the failed document",
        () -> {
          list[0] = devServer.cli("workflow", "list", "--query", "IngestionStatus=\"failed\"");
          return list[0].output().contains(failedId);
        });
    assertThat(list[0].exitCode()).isZero();
    assertThat(list[0].output()).doesNotContain(okId);
    assertThat(
            devServer
                .cli(
                    "workflow",
                    "list",
                    "--query",
                    "IngestionStatus=\"completed\" AND DocumentId=\"" + ok.documentId() + "\"")
                .output())
        .contains(okId);
  }

  /**
   * Anyone who can start a workflow could have the worker read any file its user can, and then find
   * it by search: a path outside APEX_INGEST_ROOTS fails as invalid input and reads nothing.
   */
  @Test
  void aRequestNamingEtcPasswdFailsAsInvalidInputAndItsTextIsNeverStored() throws Exception {
    String queue = uniqueQueue("outside-roots");
    Path good = documents(1).get(0);
    startWorker(queue);
    IngestionClient client = new IngestionClient(client(), queue);
    StartedIngestion secret = client.start("it", Path.of("/etc/passwd"));
    StartedIngestion ok = client.start("it", good);
    List<DocumentOutcome> outcomes = await(client, List.of(secret, ok), Duration.ofMinutes(3));

    assertThat(outcomes)
        .extracting(DocumentOutcome::kind)
        .containsExactly(DocumentOutcome.Kind.FAILED, DocumentOutcome.Kind.OK);
    assertThat(outcomes.get(0).reason())
        .contains("/etc/passwd is outside the directories this worker may read");
    StoreRows rows = StoreRows.ofWorker(storePort, work.resolve("data"));
    assertThat(rows.count("SELECT count(*) FROM chunks")).isPositive();
    assertThat(rows.count("SELECT count(*) FROM chunks WHERE text LIKE '%root:%'")).isZero();
    assertThat(rows.count("SELECT count(*) FROM staged_documents WHERE path = '/etc/passwd'"))
        .isZero();
  }
}
