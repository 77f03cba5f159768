package io.apex.temporal.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.apex.temporal.testkit.CliResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@DisplayName("Prometheus configuration and alert rules, checked by promtool")
class PrometheusRulesTest {
  private static final Logger log = LoggerFactory.getLogger(PrometheusRulesTest.class);
  private static final InfraFiles FILES = InfraFiles.locate();
  private static PromTool promtool;

  @BeforeAll
  static void findPromtool() {
    promtool = PromTool.require();
    log.info("checking infra/prometheus with {}", promtool.version());
  }

  @Test
  void everyAlertExpressionEndsWithAComparisonTheLiveStackTestCanRemove() {
    List<AlertRule> rules = AlertRule.readAll(FILES.ruleFiles());
    assertThat(rules)
        .isNotEmpty()
        .allSatisfy(rule -> assertThat(AlertExpression.of(rule.expr()).measured()).isNotBlank());
    assertThat(AlertExpression.of("up{job=\"x\"} == 0"))
        .isEqualTo(new AlertExpression("up{job=\"x\"}", "== 0"));
    assertThat(
            AlertExpression.of("rate(e{job=\"x\", t!~\"a|b\"}[5m]) / rate(r[5m])\n  > 0.05")
                .measuredWithoutExclusions())
        .isEqualTo("rate(e{job=\"x\"}[5m]) / rate(r[5m])");
  }

  @Test
  void composeScrapeConfigurationPassesPromtoolCheckConfig() {
    assertSucceeded(promtool.checkConfig(FILES.prometheusConfig()));
  }

  @Test
  void hostScrapeConfigurationPassesPromtoolCheckConfig() {
    assertSucceeded(promtool.checkConfig(FILES.prometheusHostConfig()));
  }

  @Test
  void alertRulesPassPromtoolCheckRules() {
    assertThat(FILES.ruleFiles()).isNotEmpty();
    assertSucceeded(promtool.checkRules(FILES.ruleFiles()));
  }

  @Test
  void alertRuleUnitTestsPass() {
    assertThat(FILES.ruleTestFiles()).isNotEmpty();
    assertSucceeded(promtool.testRules(FILES.ruleTestFiles()));
  }

  @Test
  void everyAlertIsShownFiringByAUnitTest() {
    Set<String> alerts =
        AlertRule.readAll(FILES.ruleFiles()).stream()
            .map(AlertRule::name)
            .collect(Collectors.toSet());
    assertThat(Set.copyOf(AlertRule.testedAlertNames(FILES.ruleTestFiles()))).isEqualTo(alerts);
  }

  @Test
  void theAlertsTheIssueAsksForExist() {
    assertThat(AlertRule.readAll(FILES.ruleFiles()))
        .extracting(AlertRule::name)
        .contains(
            "ApexWorkerDown",
            "TemporalWorkflowFailureRatioHigh",
            "TemporalActivityFailureRatioHigh",
            "TemporalWorkflowTaskBacklog",
            "TemporalActivityBacklog",
            "TemporalTaskSlotsExhausted",
            "TemporalServerRequestErrors");
  }

  @Test
  void theIngestionAlertsTheIssueAsksForExistAndEachComparesARatioOrADuration() {
    List<AlertRule> ingestion =
        AlertRule.readAll(FILES.ruleFiles()).stream()
            .filter(rule -> rule.name().startsWith("ApexIngestion"))
            .toList();
    assertThat(ingestion)
        .extracting(AlertRule::name)
        .containsExactlyInAnyOrder(
            "ApexIngestionFailureRatioHigh",
            "ApexIngestionCompensations",
            "ApexIngestionCompensationFailed",
            "ApexIngestionStalled",
            "ApexIngestionSlowDocuments",
            "ApexIngestionStoreErrors");
    assertThat(ingestion)
        .allSatisfy(
            rule ->
                assertThat(AlertExpression.of(rule.expr()).measured())
                    .as(rule.name() + ": a ratio (a / b) or a duration (histogram_quantile)")
                    .matches("(?s).*\\)\\s*/\\s*\\S.*|histogram_quantile\\(.*"));
  }

  @Test
  void everyAlertHasARunbookSectionInTheMonitoringDoc() throws Exception {
    String doc =
        java.nio.file.Files.readString(FILES.repositoryRoot().resolve("docs/monitoring.md"));
    for (AlertRule rule : AlertRule.readAll(FILES.ruleFiles())) {
      assertThat(doc).as(rule.name()).contains("\n### " + rule.name() + "\n");
    }
  }

  @Test
  void everyAlertWaitsBeforeFiringAndCarriesSeverityAndRunbook() {
    for (AlertRule rule : AlertRule.readAll(FILES.ruleFiles())) {
      assertThat(rule.forDuration()).as(rule.name() + " for:").isNotBlank();
      assertThat(rule.labels().get("severity"))
          .as(rule.name() + " severity")
          .isIn("critical", "warning");
      assertThat(rule.annotations())
          .as(rule.name() + " annotations")
          .containsKeys("summary", "description", "runbook");
      assertThat(rule.annotations().get("runbook"))
          .as(rule.name() + " runbook")
          .contains("docs/monitoring.md#" + rule.name().toLowerCase());
    }
  }

  @Test
  void bothScrapeConfigurationsLoadTheRuleFiles() {
    for (var file : List.of(FILES.prometheusConfig(), FILES.prometheusHostConfig())) {
      assertThat(PrometheusConfig.read(file).ruleFiles())
          .as(file.toString())
          .containsExactly("rules/*.yml");
    }
  }

  private static void assertSucceeded(CliResult result) {
    assertThat(result.exitCode()).as(result.output()).isZero();
  }
}
