package io.apex.temporal.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.Deadline;
import io.apex.temporal.testkit.MetricsText;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring stack against real servers: Prometheus with our scrape configuration and alert
 * rules, scraping {@code temporal server start-dev} and the worker runtime while they run real
 * workflows and ingests good and bad documents. Every query of every panel of the three dashboards
 * must return data, and the worker's ingestion counters must count every document exactly once.
 */
@DisplayName(
    "Dashboards and alert rules on a real Prometheus scraping temporal server start-dev and a real WorkerRuntime")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsOnLiveStackTest {
  private static final Logger log = LoggerFactory.getLogger(DashboardsOnLiveStackTest.class);

  /**
   * The ingestion queue the stall alert watches. Has a hyphen: the server reports task queue labels
   * with '_' in its place.
   */
  private static final String TASK_QUEUE = "apex-ingestion-queue";

  private static final String TASK_QUEUE_AS_SERVER_LABEL = TASK_QUEUE.replace('-', '_');
  private static final Duration SCRAPED_TIMEOUT = Duration.ofSeconds(30);

  private final InfraFiles files = InfraFiles.locate();
  private MonitoredStack stack;
  private PanelEvaluator evaluator;

  @BeforeAll
  void startStackAndRunWorkflows() throws Exception {
    stack = MonitoredStack.start(files, TASK_QUEUE);
    Deadline.require(
        SCRAPED_TIMEOUT,
        "both scrape targets up",
        () -> stack.prometheus().activeTargets().stream().filter(ScrapeTarget::up).count() == 2);
    log.info(
        "running workflows; the SDK logs an error for UnregisteredWorkflow: that failure is deliberate");
    stack.traffic().run();
    stack.ingestion().run();
    stack.api().run();
    evaluator =
        new PanelEvaluator(
            stack.prometheus(),
            Map.of(
                "namespace", List.of("default"),
                "task_queue", List.of(TASK_QUEUE, TASK_QUEUE_AS_SERVER_LABEL),
                "instance", List.of(stack.workerTarget()),
                "source", List.of(IngestionTraffic.SOURCE)));
    Deadline.require(
        SCRAPED_TIMEOUT, "the traffic's last outcomes to be scraped", this::trafficScraped);
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  private boolean trafficScraped() {
    String queue = "task_queue=\"" + TASK_QUEUE + "\"";
    return value("sum(temporal_workflow_completed_total{" + queue + "})")
            >= WorkflowTraffic.COMPLETED
        && value("sum(temporal_workflow_failed_total{" + queue + "})") >= WorkflowTraffic.FAILED
        && value("sum(temporal_request_failure_total{operation=\"RespondActivityTaskCompleted\"})")
            >= 1
        && value("sum(workflow_success{taskqueue=\"" + TASK_QUEUE_AS_SERVER_LABEL + "\"})")
            >= WorkflowTraffic.COMPLETED
        && value("sum(apex_ingestion_document_duration_seconds_count)")
            >= stack.ingestion().totals().finished()
        && value("sum(tasks_added{taskqueue=\"" + TASK_QUEUE_AS_SERVER_LABEL + "\"})") >= 1
        && value("sum(apex_http_requests_seconds_count)") >= stack.api().requests();
  }

  private double value(String query) {
    return stack.prometheus().firstValue(query).orElse(0);
  }

  @Test
  void bothScrapeJobsAreUpAtTheirTestTargets() {
    assertThat(stack.prometheus().activeTargets())
        .extracting(ScrapeTarget::job, ScrapeTarget::health)
        .containsExactlyInAnyOrder(
            Tuple.tuple("temporal-server", "up"), Tuple.tuple("apex-worker", "up"));
  }

  @Test
  void everyPanelOfTheSdkDashboardReturnsData() throws Exception {
    assertEveryPanelReturnsData(Dashboard.read(files.dashboard("temporal-sdk.json")));
  }

  @Test
  void everyPanelOfTheServerDashboardReturnsData() throws Exception {
    assertEveryPanelReturnsData(Dashboard.read(files.dashboard("temporal-server.json")));
  }

  @Test
  void everyPanelOfTheIngestionDashboardReturnsData() throws Exception {
    assertEveryPanelReturnsData(Dashboard.read(files.dashboard("apex-ingestion.json")));
  }

  /**
   * Exact counts on the worker's own {@code /metrics}: each document once, by outcome and reason
   * class, whatever the activity attempts and the workflow replays. The SDK hands the workflow's
   * counters to the registry every second, so the check waits for the last ones.
   */
  @Test
  void workerMetricsCountEachIngestedDocumentOnceByOutcomeAndReason() {
    IngestionTraffic.Totals expected = stack.ingestion().totals();
    String source = "source=\"" + IngestionTraffic.SOURCE + "\"";
    Deadline.await(
        SCRAPED_TIMEOUT,
        () -> {
          MetricsText now = MetricsText.scrape(stack.workerTarget());
          // Each tagged counter is handed over on its own, so wait for every one checked below.
          return now.sum("apex_ingestion_documents_started_total", source) >= expected.started()
              && now.sum("apex_ingestion_document_duration_seconds_count", source)
                  >= expected.finished()
              && now.sum("apex_ingestion_documents_completed_total", source) >= expected.completed()
              && now.sum("apex_ingestion_documents_unchanged_total", source) >= expected.unchanged()
              && now.sum(
                      "apex_ingestion_documents_failed_total", source, "reason=\"invalid_input\"")
                  >= expected.invalidInput()
              && now.sum("apex_ingestion_documents_failed_total", source, "reason=\"parse_error\"")
                  >= expected.parseErrors()
              && now.sum("apex_ingestion_compensations_total", source, "reason=\"parse_error\"")
                  >= expected.parseErrorCompensations();
        });
    MetricsText metrics = MetricsText.scrape(stack.workerTarget());
    assertThat(metrics.sum("apex_ingestion_documents_started_total", source))
        .isEqualTo(expected.started());
    assertThat(metrics.sum("apex_ingestion_documents_completed_total", source))
        .isEqualTo(expected.completed());
    assertThat(metrics.sum("apex_ingestion_documents_unchanged_total", source))
        .isEqualTo(expected.unchanged());
    assertThat(
            metrics.sum(
                "apex_ingestion_documents_failed_total", source, "reason=\"invalid_input\""))
        .isEqualTo(expected.invalidInput());
    assertThat(
            metrics.sum("apex_ingestion_documents_failed_total", source, "reason=\"parse_error\""))
        .isEqualTo(expected.parseErrors());
    assertThat(metrics.sum("apex_ingestion_documents_failed_total", source))
        .as("no other reason")
        .isEqualTo(expected.invalidInput() + expected.parseErrors());
    assertThat(metrics.sum("apex_ingestion_compensations_total", source, "reason=\"parse_error\""))
        .isEqualTo(expected.parseErrorCompensations());
    assertThat(
            metrics.sum(
                "apex_ingestion_document_duration_seconds_count", source, "outcome=\"completed\""))
        .isEqualTo(expected.completed());
    assertThat(
            metrics.sum(
                "apex_ingestion_document_duration_seconds_count", source, "outcome=\"failed\""))
        .isEqualTo(expected.invalidInput() + expected.parseErrors());
    // Activity-side: one stored version per ingested document, none for the others.
    assertThat(metrics.sum("apex_ingestion_document_chunks_count", source))
        .isEqualTo(expected.completed());
    assertThat(metrics.sum("apex_ingestion_ingested_bytes_total", source)).isPositive();
    assertThat(
            metrics.sum(
                "apex_ingestion_step_duration_seconds_count",
                "step=\"parse_document\"",
                "outcome=\"failure\""))
        .as("the corrupt PDF's one parse attempt: refused as non-retryable")
        .isEqualTo(expected.parseErrors());
    assertThat(metrics.sum("apex_ingestion_store_errors_total")).isZero();
    assertThat(metrics.text())
        .as("no document ID or path in any ingestion label")
        .doesNotContain("documentId", "ingest-", "/round-");
    for (String name :
        List.of(
            "apex_ingestion_documents_started_total",
            "apex_ingestion_documents_failed_total",
            "apex_ingestion_document_duration_seconds",
            "apex_ingestion_compensations_total",
            "apex_ingestion_step_duration_seconds",
            "apex_ingestion_store_write_duration_seconds",
            "apex_ingestion_embedding_batch_size")) {
      assertThat(metrics.help(name)).as(name + " description").isNotBlank();
    }
  }

  @Test
  void everyAlertRuleLoadsAndEvaluatesInPrometheus() {
    Set<String> expected =
        AlertRule.readAll(files.ruleFiles()).stream()
            .map(AlertRule::name)
            .collect(Collectors.toSet());
    Deadline.require(
        SCRAPED_TIMEOUT,
        "every rule evaluated",
        () ->
            stack.prometheus().rules().stream().filter(rule -> "ok".equals(rule.health())).count()
                == expected.size());
    List<LoadedRule> loaded = stack.prometheus().rules();
    loaded.forEach(rule -> log.info("rule {} / {}: {}", rule.group(), rule.name(), rule.health()));
    assertThat(loaded).extracting(LoadedRule::name).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(loaded)
        .allSatisfy(
            rule -> {
              assertThat(rule.type()).isEqualTo("alerting");
              assertThat(rule.health()).as(rule.name() + " " + rule.lastError()).isEqualTo("ok");
            });
  }

  /**
   * A rule whose selector matches nothing is still "healthy"; with its comparison removed, each
   * expression must return series with a number on the live stack, so its metrics exist. An alert
   * that leaves out what a healthy stack causes (expected server errors, compensations after a
   * corrupt file) is checked with its exclusions dropped, over what the traffic does cause.
   */
  @Test
  void everyAlertExpressionWithoutItsComparisonReturnsSeries() {
    List<AlertRule> rules = AlertRule.readAll(files.ruleFiles());
    assertThat(rules).isNotEmpty();
    Deadline.await(SCRAPED_TIMEOUT, () -> rules.stream().allMatch(rule -> measure(rule).hasData()));
    List<String> empty =
        rules.stream()
            .map(rule -> Map.entry(rule.name(), measure(rule)))
            .peek(
                answer ->
                    log.info(
                        "alert {}: {} <- {}",
                        answer.getKey(),
                        answer.getValue().describe(),
                        answer.getValue().query()))
            .filter(answer -> !answer.getValue().hasData())
            .map(
                answer ->
                    answer.getKey()
                        + ": "
                        + answer.getValue().describe()
                        + " <- "
                        + answer.getValue().query())
            .toList();
    assertThat(empty).as("alert expressions that measure nothing").isEmpty();
  }

  private QueryResult measure(AlertRule rule) {
    AlertExpression expression = AlertExpression.of(rule.expr());
    QueryResult answer = stack.prometheus().query(expression.measured());
    if (answer.hasData() || !expression.hasExclusions()) {
      return answer;
    }
    return stack.prometheus().query(expression.measuredWithoutExclusions());
  }

  private void assertEveryPanelReturnsData(Dashboard dashboard) throws Exception {
    stack.traffic().refresh();
    if (dashboard.uid().equals("apex-ingestion")) {
      stack.ingestion().run();
      stack.api().run();
    }
    Map<String, String> variables = evaluator.resolveVariables(dashboard);
    log.info("{}: variables {}", dashboard.title(), variables);
    // Scrapes run every second; a counter that appeared in the last one may lack a second sample.
    Deadline.await(
        SCRAPED_TIMEOUT,
        () ->
            evaluator.evaluate(dashboard, variables).stream().allMatch(PanelResult::allReturnData));
    List<PanelResult> results = evaluator.evaluate(dashboard, variables);
    results.forEach(result -> log.info("panel {}", result.describe()));
    assertThat(results).as("panels of " + dashboard.title()).isNotEmpty();
    List<String> empty =
        results.stream()
            .filter(result -> !result.allReturnData())
            .map(PanelResult::describe)
            .toList();
    assertThat(empty)
        .as(
            "panels without data in "
                + dashboard.title()
                + "\nPrometheus log:\n"
                + stack.prometheusLog())
        .isEmpty();
  }
}
