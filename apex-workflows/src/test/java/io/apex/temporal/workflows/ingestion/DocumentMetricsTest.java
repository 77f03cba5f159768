package io.apex.temporal.workflows.ingestion;

import static io.apex.temporal.workflows.ingestion.ScriptedActivities.nonRetryable;
import static io.apex.temporal.workflows.ingestion.ScriptedActivities.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.CapableOf;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.StatsReporter;
import com.uber.m3.util.Duration;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The document metrics the workflow records, through the SDK's metrics scope, on a worker without a
 * workflow cache: every workflow task replays the whole history, and activities are retried, yet
 * each document counts once.
 */
class DocumentMetricsTest {
  private static final String TASK_QUEUE = "ingestion-metrics-test";
  private static final IngestionRequest REQUEST =
      new IngestionRequest("d0c", "invoices", "/docs/report.pdf");

  private final CountingReporter reporter = new CountingReporter();
  private final ReplayCounter replays = new ReplayCounter();
  private final ScriptedActivities activities = new ScriptedActivities();
  private Scope scope;
  private TestWorkflowEnvironment env;

  @BeforeEach
  void startEnvironment() {
    scope =
        new RootScopeBuilder().reporter(reporter).reportEvery(Duration.ofSeconds(3600)); // closed
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setMetricsScope(scope)
                // One cached workflow: concurrent documents evict each other and replay.
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkflowCacheSize(1)
                        .setWorkerInterceptors(replays)
                        .build())
                .build());
    Worker worker = IngestionWorkers.register(env, TASK_QUEUE);
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  private IngestionResult ingest() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            DocumentIngestionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowId(DocumentIngestionWorkflow.workflowId(REQUEST.documentId()))
                .build())
        .ingest(REQUEST);
  }

  /** Closing the scope reports what it buffered. */
  private CountingReporter reported() throws Exception {
    scope.close();
    return reporter;
  }

  @Test
  void anIngestedDocumentCountsOnceAsStartedAndCompletedWithOneDuration() throws Exception {
    ingest();

    CountingReporter metrics = reported();
    assertThat(metrics.counter("apex_ingestion_documents_started", "source=invoices")).isEqualTo(1);
    assertThat(metrics.counter("apex_ingestion_documents_completed", "source=invoices"))
        .isEqualTo(1);
    assertThat(metrics.counter("apex_ingestion_documents_failed")).isZero();
    assertThat(metrics.timers("apex_ingestion_document_duration", "outcome=completed"))
        .isEqualTo(1);
  }

  @Test
  void documentsThatEvictEachOtherFromTheCacheAndReplayCountOnceEach() throws Exception {
    int documents = 4;
    var results =
        new java.util.ArrayList<java.util.concurrent.CompletableFuture<IngestionResult>>();
    for (int i = 0; i < documents; i++) {
      IngestionRequest request = new IngestionRequest("doc-" + i, "invoices", "/docs/" + i);
      DocumentIngestionWorkflow workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  DocumentIngestionWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(TASK_QUEUE)
                      .setWorkflowId(DocumentIngestionWorkflow.workflowId(request.documentId()))
                      .build());
      results.add(io.temporal.client.WorkflowClient.execute(workflow::ingest, request));
    }
    results.forEach(java.util.concurrent.CompletableFuture::join);

    assertThat(replays.replayedRuns.get()).as("workflow runs replayed from history").isPositive();
    CountingReporter metrics = reported();
    assertThat(metrics.counter("apex_ingestion_documents_started")).isEqualTo(documents);
    assertThat(metrics.counter("apex_ingestion_documents_completed")).isEqualTo(documents);
    assertThat(metrics.timers("apex_ingestion_document_duration")).isEqualTo(documents);
  }

  @Test
  void unchangedContentCountsAsUnchangedNotCompleted() throws Exception {
    activities.unchanged();
    ingest();

    CountingReporter metrics = reported();
    assertThat(metrics.counter("apex_ingestion_documents_unchanged")).isEqualTo(1);
    assertThat(metrics.counter("apex_ingestion_documents_completed")).isZero();
    assertThat(metrics.timers("apex_ingestion_document_duration", "outcome=unchanged"))
        .isEqualTo(1);
  }

  @Test
  void aCorruptDocumentCountsOnceAsAParseErrorWithItsCompensation() throws Exception {
    activities.failing(
        "parse_document", nonRetryable("corrupt PDF", IngestionFailures.INVALID_DOCUMENT));
    assertThatThrownBy(this::ingest).isInstanceOf(WorkflowFailedException.class);

    CountingReporter metrics = reported();
    assertThat(metrics.counter("apex_ingestion_documents_started")).isEqualTo(1);
    assertThat(metrics.counter("apex_ingestion_documents_failed", "reason=parse_error"))
        .isEqualTo(1);
    assertThat(metrics.counter("apex_ingestion_compensations", "reason=parse_error")).isEqualTo(1);
    assertThat(metrics.timers("apex_ingestion_document_duration", "outcome=failed")).isEqualTo(1);
  }

  @Test
  void anUndoThatFailsCountsAsACompensationFailureOfItsStepNotAsACompensation() throws Exception {
    activities
        .failing("write_document", transientFailure("connection reset"))
        .failing("delete_written_version", transientFailure("store unreachable"));
    assertThatThrownBy(this::ingest).isInstanceOf(WorkflowFailedException.class);

    CountingReporter metrics = reported();
    assertThat(
            metrics.counter(
                "apex_ingestion_compensation_failures",
                "source=invoices",
                "step=delete_written_version"))
        .isEqualTo(1);
    assertThat(metrics.counter("apex_ingestion_compensation_failures")).isEqualTo(1);
    assertThat(metrics.counter("apex_ingestion_compensations")).isZero();
    assertThat(metrics.counter("apex_ingestion_documents_failed", "reason=store_error"))
        .isEqualTo(1);
  }

  @Test
  void aStepRetriedUntilItGivesUpFailsTheDocumentOnce() throws Exception {
    activities.failing("extract_entities", transientFailure("model busy"));
    assertThatThrownBy(this::ingest).isInstanceOf(WorkflowFailedException.class);

    assertThat(activities.attempts("extract_entities")).isEqualTo(3);
    CountingReporter metrics = reported();
    assertThat(metrics.counter("apex_ingestion_documents_started")).isEqualTo(1);
    assertThat(metrics.counter("apex_ingestion_documents_failed", "reason=other")).isEqualTo(1);
    assertThat(metrics.counter("apex_ingestion_documents_failed")).isEqualTo(1);
  }

  @Test
  void aMalformedRequestCountsAsStartedAndFailedWithInvalidInput() throws Exception {
    assertThatThrownBy(
            () ->
                env.getWorkflowClient()
                    .newWorkflowStub(
                        DocumentIngestionWorkflow.class,
                        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).build())
                    .ingest(new IngestionRequest("x", "", "relative/path")))
        .isInstanceOf(WorkflowFailedException.class);

    CountingReporter metrics = reported();
    assertThat(metrics.counter("apex_ingestion_documents_started", "source=unknown")).isEqualTo(1);
    assertThat(
            metrics.counter(
                "apex_ingestion_documents_failed", "source=unknown", "reason=invalid_input"))
        .isEqualTo(1);
  }

  /**
   * Counts the workflow executions that began by replaying history: a cached workflow continues
   * where it was, an evicted one is rebuilt from the start with {@code Workflow.isReplaying()}.
   */
  static final class ReplayCounter extends WorkerInterceptorBase {
    final AtomicInteger replayedRuns = new AtomicInteger();

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
      return new WorkflowInboundCallsInterceptorBase(next) {
        @Override
        public WorkflowOutput execute(WorkflowInput input) {
          if (Workflow.isReplaying()) {
            replayedRuns.incrementAndGet();
          }
          return super.execute(input);
        }
      };
    }
  }

  /** Sums what the scope reports, per metric name and tags. */
  static final class CountingReporter implements StatsReporter {
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> timers = new ConcurrentHashMap<>();

    private static String key(String name, Map<String, String> tags) {
      return name + new TreeMap<>(tags);
    }

    /** The sum over the series of this name whose tags include every {@code key=value}. */
    long counter(String name, String... tags) {
      return sum(counters, name, tags);
    }

    long timers(String name, String... tags) {
      return sum(timers, name, tags);
    }

    private static long sum(Map<String, AtomicLong> series, String name, String... tags) {
      return series.entrySet().stream()
          .filter(e -> e.getKey().startsWith(name + "{"))
          .filter(
              e -> {
                for (String tag : tags) {
                  if (!e.getKey().contains(tag + ",") && !e.getKey().contains(tag + "}")) {
                    return false;
                  }
                }
                return true;
              })
          .mapToLong(e -> e.getValue().get())
          .sum();
    }

    @Override
    public void reportCounter(String name, Map<String, String> tags, long value) {
      counters.computeIfAbsent(key(name, tags), k -> new AtomicLong()).addAndGet(value);
    }

    @Override
    public void reportGauge(String name, Map<String, String> tags, double value) {}

    @Override
    public void reportTimer(String name, Map<String, String> tags, Duration interval) {
      timers.computeIfAbsent(key(name, tags), k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void reportHistogramValueSamples(
        String name,
        Map<String, String> tags,
        Buckets buckets,
        double bucketLowerBound,
        double bucketUpperBound,
        long samples) {}

    @Override
    public void reportHistogramDurationSamples(
        String name,
        Map<String, String> tags,
        Buckets buckets,
        Duration bucketLowerBound,
        Duration bucketUpperBound,
        long samples) {}

    @Override
    public Capabilities capabilities() {
      return CapableOf.REPORTING;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
