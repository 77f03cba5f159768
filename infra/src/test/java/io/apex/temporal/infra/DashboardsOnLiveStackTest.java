package io.apex.temporal.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.Deadline;
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
 * workflows. Every query of every panel of both dashboards must return data.
 */
@DisplayName(
    "Dashboards and alert rules on a real Prometheus scraping temporal server start-dev and a real WorkerRuntime")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsOnLiveStackTest {
  private static final Logger log = LoggerFactory.getLogger(DashboardsOnLiveStackTest.class);

  /** Has a hyphen on purpose: the server reports task queue labels with '_' in its place. */
  private static final String TASK_QUEUE = "apex-infra-dashboards";

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
    evaluator =
        new PanelEvaluator(
            stack.prometheus(),
            Map.of(
                "namespace", List.of("default"),
                "task_queue", List.of(TASK_QUEUE, TASK_QUEUE_AS_SERVER_LABEL),
                "instance", List.of(stack.workerTarget())));
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
            >= WorkflowTraffic.COMPLETED;
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
   * on unexpected server errors, which this healthy stack does not cause, is checked with its
   * exclusions dropped, over the expected errors the traffic does cause.
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
    if (answer.hasData() || !rule.name().endsWith("Errors") || !expression.hasExclusions()) {
      return answer;
    }
    return stack.prometheus().query(expression.measuredWithoutExclusions());
  }

  private void assertEveryPanelReturnsData(Dashboard dashboard) throws Exception {
    stack.traffic().refresh();
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
