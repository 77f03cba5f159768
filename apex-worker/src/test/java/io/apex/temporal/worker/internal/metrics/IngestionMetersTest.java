package io.apex.temporal.worker.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.apex.temporal.workflows.internal.ingestion.SourceLabel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code apex_ingestion_*} meters as Prometheus shows them: names, descriptions, bounded labels
 * and buckets that fit documents, for the activities' meters and for those that the workflow
 * records through the SDK's metrics scope.
 */
class IngestionMetersTest {
  private final PrometheusMeterRegistry registry = registry();
  private final MicrometerIngestionMetrics metrics = new MicrometerIngestionMetrics(registry);

  private static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new IngestionMeters());
    return registry;
  }

  @Test
  void aWrittenVersionCountsItsBytesChunksAndEntitiesBySource() {
    metrics.versionWritten("invoices", 2048, 7, 3);
    metrics.versionWritten("invoices", 1024, 2, 0);

    String text = registry.scrape();
    assertThat(text)
        .contains("apex_ingestion_ingested_bytes_total{source=\"invoices\"} 3072.0")
        .contains("apex_ingestion_document_chunks_count{source=\"invoices\"} 2")
        .contains("apex_ingestion_document_chunks_sum{source=\"invoices\"} 9.0")
        .contains("apex_ingestion_document_chunks_bucket{source=\"invoices\",le=\"2.0\"} 1")
        .contains("apex_ingestion_document_chunks_bucket{source=\"invoices\",le=\"10.0\"} 2")
        .contains("apex_ingestion_document_entities_sum{source=\"invoices\"} 3.0")
        .contains("# HELP apex_ingestion_ingested_bytes_total Bytes of document content");
  }

  @Test
  void stepsAreTimedInSecondBucketsFromFiveMillisecondsToFiveMinutesByOutcome() {
    metrics.stepFinished("parse_document", Duration.ofMillis(40), true);
    metrics.stepFinished("parse_document", Duration.ofSeconds(200), false);

    String text = registry.scrape();
    assertThat(text)
        .contains(
            "apex_ingestion_step_duration_seconds_bucket{outcome=\"success\",step=\"parse_document\",le=\"0.05\"} 1")
        .contains(
            "apex_ingestion_step_duration_seconds_bucket{outcome=\"failure\",step=\"parse_document\",le=\"120.0\"} 0")
        .contains(
            "apex_ingestion_step_duration_seconds_bucket{outcome=\"failure\",step=\"parse_document\",le=\"300.0\"} 1")
        .contains("# HELP apex_ingestion_step_duration_seconds Time of one attempt");
    assertThat(bucketCount(text, "apex_ingestion_step_duration_seconds_bucket{outcome=\"success\""))
        .as("15 bounds and +Inf, not the ~70 of Micrometer's default")
        .isEqualTo(16);
  }

  @Test
  void storeErrorsExistAtZeroForEveryStepAndCountByStep() {
    metrics.storeError("write_document");
    metrics.storeWrite("write", Duration.ofMillis(12));
    metrics.embeddingBatch(32, Duration.ofMillis(300));

    String text = registry.scrape();
    assertThat(MicrometerIngestionMetrics.STEPS)
        .allSatisfy(
            step ->
                assertThat(text)
                    .contains(
                        "apex_ingestion_store_errors_total{step=\""
                            + step
                            + "\"} "
                            + (step.equals("write_document") ? "1.0" : "0.0")));
    assertThat(text)
        .contains("apex_ingestion_store_write_duration_seconds_count{operation=\"write\"} 1")
        .contains("apex_ingestion_embedding_batch_size_bucket{le=\"32.0\"} 1")
        .contains("apex_ingestion_embedding_batch_size_bucket{le=\"16.0\"} 0")
        .contains("apex_ingestion_embedding_batch_duration_seconds_count 1");
  }

  /** The workflow's meters reach the registry through the SDK's reporter, which has no text. */
  @Test
  void documentMetricsFromTheSdkScopeGetTheirDescriptionAndDocumentBuckets() throws Exception {
    Scope scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(60));
    Scope document = scope.tagged(Map.of("source", "invoices"));
    document.counter("apex_ingestion_documents_started").inc(1);
    document
        .tagged(Map.of("reason", "parse_error"))
        .counter("apex_ingestion_documents_failed")
        .inc(1);
    document
        .tagged(Map.of("step", "delete_written_version"))
        .counter("apex_ingestion_compensation_failures")
        .inc(1);
    document
        .tagged(Map.of("outcome", "failed"))
        .timer("apex_ingestion_document_duration")
        .record(com.uber.m3.util.Duration.ofMillis(1500));
    scope.close(); // reports the counters

    String text = registry.scrape();
    assertThat(text)
        .contains("# HELP apex_ingestion_documents_started_total Documents whose ingestion")
        .contains("apex_ingestion_documents_started_total{source=\"invoices\"} 1.0")
        .contains(
            "apex_ingestion_documents_failed_total{reason=\"parse_error\",source=\"invoices\"} 1.0")
        .contains("# HELP apex_ingestion_compensation_failures_total Compensations that gave up")
        .contains(
            "apex_ingestion_compensation_failures_total{source=\"invoices\",step=\"delete_written_version\"} 1.0")
        .contains("# HELP apex_ingestion_document_duration_seconds Time from a document's")
        .contains(
            "apex_ingestion_document_duration_seconds_bucket{outcome=\"failed\",source=\"invoices\",le=\"1.0\"} 0")
        .contains(
            "apex_ingestion_document_duration_seconds_bucket{outcome=\"failed\",source=\"invoices\",le=\"2.5\"} 1");
    assertThat(
            bucketCount(text, "apex_ingestion_document_duration_seconds_bucket{outcome=\"failed\""))
        .as("0.05 s to 300 s and +Inf")
        .isEqualTo(13);
  }

  @Test
  void everyIngestionMeterHasADescriptionAndNoDocumentLabels() {
    metrics.versionWritten("s", 1, 1, 1);
    metrics.stepFinished("stage_document", Duration.ofMillis(1), true);
    metrics.storeWrite("write", Duration.ofMillis(1));
    metrics.embeddingBatch(1, Duration.ofMillis(1));

    List<String> undescribed =
        registry.getMeters().stream()
            .map(meter -> meter.getId())
            .filter(id -> id.getName().startsWith(IngestionMeters.PREFIX))
            .filter(id -> id.getDescription() == null || id.getDescription().isBlank())
            .map(id -> id.getName())
            .toList();
    assertThat(undescribed).isEmpty();
    assertThat(registry.getMeters())
        .flatExtracting(meter -> meter.getId().getTags())
        .extracting(tag -> tag.getKey())
        .containsOnly("source", "step", "outcome", "operation");
  }

  @Test
  void aLongSourceIsCutSoItCannotCarryAPath() {
    assertThat(SourceLabel.of("x".repeat(500))).hasSize(64);
    assertThat(SourceLabel.of(" ")).isEqualTo("unknown");
  }

  private static long bucketCount(String text, String prefix) {
    return text.lines().filter(line -> line.startsWith(prefix)).count();
  }
}
