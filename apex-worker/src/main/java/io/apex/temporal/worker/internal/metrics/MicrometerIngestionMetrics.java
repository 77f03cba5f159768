package io.apex.temporal.worker.internal.metrics;

import io.apex.temporal.ingestion.IngestionMetrics;
import io.apex.temporal.workflows.internal.ingestion.SourceLabel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * The ingestion activities' measurements as {@code apex_ingestion_*} meters in the worker's
 * registry. Labels are bounded: step and operation are fixed names, source is the operator's feed
 * label; never a document ID or path. Descriptions and buckets come from {@link IngestionMeters}.
 */
public final class MicrometerIngestionMetrics implements IngestionMetrics {
  /** The steps, so that the error counters exist at zero before the first error. */
  static final List<String> STEPS =
      List.of(
          "stage_document",
          "parse_document",
          "extract_entities",
          "generate_embeddings",
          "write_document",
          "delete_written_version",
          "cleanup_staging");

  private final MeterRegistry registry;

  public MicrometerIngestionMetrics(MeterRegistry registry) {
    this.registry = registry;
    STEPS.forEach(this::storeErrors);
  }

  @Override
  public void stepFinished(String step, Duration took, boolean succeeded) {
    Timer.builder("apex_ingestion_step_duration")
        .tag("step", step)
        .tag("outcome", succeeded ? "success" : "failure")
        .register(registry)
        .record(took);
  }

  @Override
  public void storeWrite(String operation, Duration took) {
    Timer.builder("apex_ingestion_store_write_duration")
        .tag("operation", operation)
        .register(registry)
        .record(took);
  }

  @Override
  public void storeError(String step) {
    storeErrors(step).increment();
  }

  @Override
  public void embeddingBatch(int chunks, Duration took) {
    Timer.builder("apex_ingestion_embedding_batch_duration").register(registry).record(took);
    DistributionSummary.builder("apex_ingestion_embedding_batch_size")
        .register(registry)
        .record(chunks);
  }

  @Override
  public void versionWritten(String source, long bytes, int chunks, int entities) {
    String label = SourceLabel.of(source);
    Counter.builder("apex_ingestion_ingested")
        .baseUnit("bytes")
        .tag("source", label)
        .register(registry)
        .increment(bytes);
    DistributionSummary.builder("apex_ingestion_document_chunks")
        .tag("source", label)
        .register(registry)
        .record(chunks);
    DistributionSummary.builder("apex_ingestion_document_entities")
        .tag("source", label)
        .register(registry)
        .record(entities);
  }

  private Counter storeErrors(String step) {
    return Counter.builder("apex_ingestion_store_errors").tag("step", step).register(registry);
  }
}
